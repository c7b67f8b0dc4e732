import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { LiveUpdateRow } from '@coachflow/read-models';
import { LiveStream, type LiveStreamOptions } from './live-stream';

/** The part of a response a stream writes to: what was written, and whether it ended. */
class RecordingResponse extends EventEmitter {
  text = '';
  writableEnded = false;
  writableLength = 0;
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
  end(): void {
    this.writableEnded = true;
  }
}

const row = (position: number, kind: LiveUpdateRow['kind'] = 'task'): LiveUpdateRow => ({
  userId: 'u',
  organisationId: 'o',
  position,
  kind,
  data: { type: 'TaskOpened', taskId: `t${position}` },
});

function streamOf(options: Partial<LiveStreamOptions> = {}) {
  const response = new RecordingResponse();
  const ended = jest.fn();
  const stream = new LiveStream(response as unknown as ServerResponse, {
    userId: 'u',
    organisationId: 'o',
    after: 0,
    heartbeatMs: 60_000,
    maxLifetimeMs: 60_000,
    readBacklog: async () => [],
    sessionIsOpen: async () => true,
    onEnd: ended,
    ...options,
  });
  return { response, stream, ended };
}

const ids = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]));

describe('LiveStream', () => {
  afterEach(() => jest.useRealTimers());

  it('writes each message as an SSE event with id, event and data', async () => {
    const { response, stream } = streamOf();
    await stream.start();
    stream.deliver(row(7));
    expect(response.text).toContain('id: 7\nevent: task\ndata: {"type":"TaskOpened","taskId":"t7"}\n\n');
    stream.close();
  });

  it('sends the backlog after Last-Event-ID, then what arrived meanwhile, without repeats', async () => {
    let release: (rows: LiveUpdateRow[]) => void = () => undefined;
    const { response, stream } = streamOf({
      after: 3,
      readBacklog: () => new Promise((resolve) => (release = resolve)),
    });
    const started = stream.start();
    // Live rows while the backlog is read: one the backlog also has, one newer.
    stream.deliver(row(5));
    stream.deliver(row(6));
    release([row(4), row(5)]);
    await started;
    expect(ids(response.text)).toEqual([4, 5, 6]);
    stream.close();
  });

  it('beats while the session holds and ends when it does not', async () => {
    jest.useFakeTimers();
    let open = true;
    const { response, stream, ended } = streamOf({ heartbeatMs: 1000, sessionIsOpen: async () => open });
    await stream.start();
    await jest.advanceTimersByTimeAsync(1000);
    expect(response.text).toContain(': heartbeat\n\n');
    open = false;
    await jest.advanceTimersByTimeAsync(1000);
    expect(response.writableEnded).toBe(true);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('ends after its lifetime, and drops a client that reads nothing', async () => {
    jest.useFakeTimers();
    const { response, stream } = streamOf({ maxLifetimeMs: 5000 });
    await stream.start();
    await jest.advanceTimersByTimeAsync(5000);
    expect(response.writableEnded).toBe(true);

    const slow = streamOf();
    await slow.stream.start();
    slow.response.writableLength = 2 * 1024 * 1024;
    slow.stream.deliver(row(1));
    expect(slow.response.writableEnded).toBe(true);
    expect(slow.ended).toHaveBeenCalled();
  });
});
