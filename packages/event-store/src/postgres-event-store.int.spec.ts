import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@coachflow/domain';
import { integrationEnv } from '@coachflow/testing';
import { Pool } from 'pg';
import { EventStoreErrorCode, EventStoreException } from './event-store.errors';
import { PostgresEventStore } from './postgres-event-store';

const event = (id: string, n = 1): DomainEvent => ({ id, type: 'Noted', data: { n } });

describe('PostgresEventStore', () => {
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(() => {
    pool = new Pool({ connectionString: integrationEnv().databaseUrl, max: 20 });
    store = new PostgresEventStore(pool);
  });
  afterAll(() => pool.end());

  it('appends a batch with contiguous versions and reads it back in order', async () => {
    const stream = `test-${randomUUID()}`;
    const first = await store.appendToStream(stream, [event('a', 1), event('b', 2)], {
      expectedVersion: 'no-stream',
    });
    const second = await store.appendToStream(stream, [event('c', 3)], {
      expectedVersion: first.nextExpectedVersion,
    });
    expect(second.nextExpectedVersion).toBe(3);

    const read = await store.readStream(stream);
    expect(read.map((e) => [e.id, e.streamVersion, e.data])).toEqual([
      ['a', 1, { n: 1 }],
      ['b', 2, { n: 2 }],
      ['c', 3, { n: 3 }],
    ]);
    expect(read[2]!.globalPosition).toBeGreaterThan(read[1]!.globalPosition);
    expect((await store.readStream(stream, { fromVersion: 3 })).map((e) => e.id)).toEqual(['c']);
  });

  it('treats a repeated batch as already appended and writes nothing', async () => {
    const stream = `test-${randomUUID()}`;
    await store.appendToStream(stream, [event('x')]);
    const repeat = await store.appendToStream(stream, [event('x')], { expectedVersion: 0 });
    expect(repeat).toEqual({ nextExpectedVersion: 1, lastPosition: null, alreadyAppended: true });
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('refuses a batch that is only partly stored', async () => {
    const stream = `test-${randomUUID()}`;
    await store.appendToStream(stream, [event('x')]);
    await expect(store.appendToStream(stream, [event('x'), event('y')])).rejects.toMatchObject({
      code: EventStoreErrorCode.PartialDuplicateBatch,
    });
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('raises the typed concurrency error for a stale expected version and stores nothing', async () => {
    const stream = `test-${randomUUID()}`;
    await store.appendToStream(stream, [event('a')]);
    const stale = store.appendToStream(stream, [event('b')], { expectedVersion: 0 });
    await expect(stale).rejects.toBeInstanceOf(EventStoreException);
    await expect(stale).rejects.toMatchObject({ code: EventStoreErrorCode.WrongExpectedVersion });
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('lets exactly one of many concurrent writers at the same version win', async () => {
    const stream = `test-${randomUUID()}`;
    await store.appendToStream(stream, [event('seed')]);
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        store.appendToStream(stream, [event(`w${i}`)], { expectedVersion: 1 }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const read = await store.readStream(stream);
    expect(read.map((e) => e.streamVersion)).toEqual([1, 2]);
  });
});
