import { type LiveUpdateRow, parseLiveUpdatePayload } from './live-update';
import { payloadNumbers } from './publish-live-updates';

/** The payloads publishLiveUpdates sends for these rows when it stores them all. */
function liveUpdatePayloads(rows: readonly LiveUpdateRow[]): string[] {
  const messages = rows.map((row) => JSON.stringify(row));
  const payloads: string[][] = [];
  payloadNumbers(messages).forEach((payload, index) => (payloads[payload] ??= []).push(messages[index]!));
  return payloads.map((inPayload) => `[${inPayload.join(',')}]`);
}

const row = (position: number, title = ''): LiveUpdateRow => ({
  userId: '6f1c2a3b-0000-4000-8000-000000000001',
  organisationId: '6f1c2a3b-0000-4000-8000-000000000002',
  position,
  kind: 'task',
  data: { type: `TaskOpened${title}`, taskId: '6f1c2a3b-0000-4000-8000-000000000003' },
});

describe('live-update payloads', () => {
  it('round-trips rows through NOTIFY payloads, each under 8000 bytes, in order', () => {
    const rows = Array.from({ length: 200 }, (_, index) => row(index + 1, 'é'.repeat(index % 7)));
    const payloads = liveUpdatePayloads(rows);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    expect(payloads.flatMap(parseLiveUpdatePayload)).toEqual(rows);
  });

  it('sends nothing for no rows', () => {
    expect(liveUpdatePayloads([])).toEqual([]);
  });

  it('reads nothing from a payload that is not an array of rows', () => {
    expect(parseLiveUpdatePayload(undefined)).toEqual([]);
    expect(parseLiveUpdatePayload('not json')).toEqual([]);
    expect(parseLiveUpdatePayload('{"userId":"x"}')).toEqual([]);
    expect(parseLiveUpdatePayload(JSON.stringify([{ ...row(1), kind: 'html' }, row(2)]))).toEqual([row(2)]);
  });
});
