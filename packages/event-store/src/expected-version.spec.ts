import { assertExpectedVersion } from './expected-version';
import { EventStoreErrorCode, EventStoreException } from './event-store.errors';

describe('assertExpectedVersion', () => {
  it('passes when the stream is where the writer expects it', () => {
    expect(() => assertExpectedVersion('s', 3, 3)).not.toThrow();
    expect(() => assertExpectedVersion('s', 'no-stream', 0)).not.toThrow();
    expect(() => assertExpectedVersion('s', 'any', 17)).not.toThrow();
  });

  it('raises the typed concurrency error otherwise', () => {
    const attempt = () => assertExpectedVersion('s', 2, 3);
    expect(attempt).toThrow(EventStoreException);
    try {
      attempt();
    } catch (error) {
      expect((error as EventStoreException).code).toBe(EventStoreErrorCode.WrongExpectedVersion);
    }
    expect(() => assertExpectedVersion('s', 'no-stream', 1)).toThrow(EventStoreException);
  });
});
