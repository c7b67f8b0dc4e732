import type { ExpectedVersion } from './event-store';
import { wrongExpectedVersion } from './event-store.errors';

/** Throws the typed concurrency error when a stream at `actual` does not match what the writer expected. */
export function assertExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number): void {
  if (expected === 'any') return;
  const wanted = expected === 'no-stream' ? 0 : expected;
  if (wanted !== actual) throw wrongExpectedVersion(streamId, expected, actual);
}
