import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@coachflow/domain';
import { eventually } from '@coachflow/testing';
import type { EventStore, RecordedEvent } from '../event-store';
import { EventStoreErrorCode } from '../event-store.errors';
import { EventSchemas } from '../event-schemas';

export interface ContractSubject {
  store: EventStore;
  /** Stores an event as an older schema version wrote it, bypassing the current version. */
  writeLegacy(streamId: string, event: DomainEvent, schemaVersion: number): Promise<void>;
}

/** The schemas every subject is built with: `Noted` is at version 2 (v1 called its field `text`). */
export function contractSchemas(): EventSchemas {
  return new EventSchemas().upcast('Noted', 1, ({ text, ...rest }) => ({ ...rest, note: text }));
}

const noted = (id: string, note = id): DomainEvent => ({ id, type: 'Noted', data: { note } });
const stream = () => `contract-${randomUUID()}`;
const ids = (events: RecordedEvent[]) => events.map((event) => event.id);

/** Every event after `after`, a page at a time (other writers may have added many in between). */
async function readAllAfter(store: EventStore, after: number): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (
    let page = await store.readAll({ after, limit: 500 });
    page.length > 0;
    page = await store.readAll({ after, limit: 500 })
  ) {
    all.push(...page);
    after = page.at(-1)!.globalPosition;
  }
  return all;
}

/**
 * The behaviour every EventStore must have, run against the Postgres store (integration) and the in-memory
 * twin (unit), so the twin can stand in for Postgres in fast tests without lying.
 */
export function eventStoreContract(name: string, subject: () => Promise<ContractSubject>): void {
  describe(`${name} honours the event store contract`, () => {
    let store: EventStore;
    let writeLegacy: ContractSubject['writeLegacy'];

    beforeEach(async () => {
      ({ store, writeLegacy } = await subject());
    });

    it('appends batches atomically with versions from 1 and rising global positions', async () => {
      const s = stream();
      const first = await store.appendToStream(s, [noted('a'), noted('b')], { expectedVersion: 'no-stream' });
      expect(first).toMatchObject({ nextExpectedVersion: 2, alreadyAppended: false });
      await store.appendToStream(s, [noted('c')], { expectedVersion: 2 });
      const events = await store.readStream(s);
      // The append tells where and when its first event landed.
      expect(first.first).toEqual({ position: events[0]!.globalPosition, recordedAt: events[0]!.recordedAt });
      expect(events.map((e) => [e.id, e.streamVersion, e.data])).toEqual([
        ['a', 1, { note: 'a' }],
        ['b', 2, { note: 'b' }],
        ['c', 3, { note: 'c' }],
      ]);
      const positions = events.map((e) => e.globalPosition);
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);
      expect(new Set(positions).size).toBe(3);
      expect(ids(await store.readStream(s, { fromVersion: 2 }))).toEqual(['b', 'c']);
    });

    it('treats a batch whose ids are all stored as a retry: success, nothing written', async () => {
      const s = stream();
      const original = await store.appendToStream(s, [noted('a'), noted('b')]);
      const retry = await store.appendToStream(s, [noted('a'), noted('b')], { expectedVersion: 0 });
      expect(retry).toEqual({
        nextExpectedVersion: 2,
        lastPosition: null,
        alreadyAppended: true,
        first: original.first,
      });
      expect(ids(await store.readStream(s))).toEqual(['a', 'b']);
    });

    it('refuses a batch that is only partly stored, and an empty one', async () => {
      const s = stream();
      await store.appendToStream(s, [noted('a')]);
      await expect(store.appendToStream(s, [noted('a'), noted('b')])).rejects.toMatchObject({
        code: EventStoreErrorCode.PartialDuplicateBatch,
      });
      await expect(store.appendToStream(s, [])).rejects.toMatchObject({
        code: EventStoreErrorCode.EmptyBatch,
      });
      expect(ids(await store.readStream(s))).toEqual(['a']);
    });

    it('raises the typed concurrency error on a wrong expected version and writes nothing', async () => {
      const s = stream();
      const wrong = { code: EventStoreErrorCode.WrongExpectedVersion };
      await expect(store.appendToStream(s, [noted('a')], { expectedVersion: 1 })).rejects.toMatchObject(
        wrong,
      );
      await store.appendToStream(s, [noted('a')], { expectedVersion: 'no-stream' });
      await expect(
        store.appendToStream(s, [noted('b')], { expectedVersion: 'no-stream' }),
      ).rejects.toMatchObject(wrong);
      await expect(store.appendToStream(s, [noted('b')], { expectedVersion: 0 })).rejects.toMatchObject(
        wrong,
      );
      expect(ids(await store.readStream(s))).toEqual(['a']);
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('lets exactly one of several concurrent writers at the same version win', async () => {
      const s = stream();
      await store.appendToStream(s, [noted('seed')]);
      const attempts = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          store.appendToStream(s, [noted(`w${i}`)], { expectedVersion: 1 }),
        ),
      );
      expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
      expect((await store.readStream(s)).map((e) => e.streamVersion)).toEqual([1, 2]);
    });

    it('reads every stream in global order after a position, a page at a time', async () => {
      const [s1, s2] = [stream(), stream()];
      const start = await store.appendToStream(s1, [noted('x1')]);
      await store.appendToStream(s2, [noted('y1'), noted('y2')]);
      await store.appendToStream(s1, [noted('x2')]);
      const after = start.lastPosition! - 1;
      // Eventually: readAll rightly waits while any older transaction (another suite's) is still open.
      await eventually(async () => {
        const everything = (await readAllAfter(store, after)).filter((e) => [s1, s2].includes(e.streamId));
        expect(ids(everything)).toEqual(['x1', 'y1', 'y2', 'x2']);
        const page = await store.readAll({ after, limit: 2 });
        expect(page).toHaveLength(2);
        expect(page[0]!.globalPosition).toBe(start.lastPosition);
      });
    });

    it('folds a stream with a decider’s evolve', async () => {
      const s = stream();
      await store.appendToStream(s, [noted('a', 'one'), noted('b', 'two')]);
      const result = await store.aggregateStream<string[]>(
        s,
        (notes, e) => [...notes, String(e.data['note'])],
        () => [],
      );
      expect(result).toEqual({ state: ['one', 'two'], version: 2 });
      expect(
        await store.aggregateStream(
          stream(),
          (n: number) => n + 1,
          () => 0,
        ),
      ).toEqual({ state: 0, version: 0 });
    });

    it('tells the version of many streams at once, 0 for one with no events', async () => {
      const [two, one, none] = [stream(), stream(), stream()];
      await store.appendToStream(two, [noted(randomUUID()), noted(randomUUID())]);
      await store.appendToStream(one, [noted(randomUUID())]);
      const versions = await store.streamVersions([two, one, none]);
      expect([...versions]).toEqual([
        [two, 2],
        [one, 1],
        [none, 0],
      ]);
      await store.appendToStream(one, [noted(randomUUID())]);
      expect((await store.streamVersions([one])).get(one)).toBe(2);
    });

    it('upcasts events stored in an old shape when reading', async () => {
      const s = stream();
      await writeLegacy(s, { id: 'old', type: 'Noted', data: { text: 'from v1' } }, 1);
      await store.appendToStream(s, [noted('new', 'from v2')]);
      const events = await store.readStream(s);
      expect(events.map((e) => e.data)).toEqual([{ note: 'from v1' }, { note: 'from v2' }]);
      await eventually(async () => {
        const fromAll = await store.readAll({ after: events[0]!.globalPosition - 1, limit: 1 });
        expect(fromAll[0]?.data).toEqual({ note: 'from v1' });
      });
    });
  });
}
