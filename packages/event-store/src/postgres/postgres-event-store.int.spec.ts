import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@coachflow/domain';
import { eventually, integrationEnv } from '@coachflow/testing';
import fc from 'fast-check';
import { Pool, type PoolClient } from 'pg';
import { EventStoreErrorCode, EventStoreException } from '../event-store.errors';
import { contractSchemas, eventStoreContract } from '../testing/event-store.contract';
import { PostgresEventStore, STORE_START } from './postgres-event-store';

/** Writes one event below the store's API: data in an old schema version, or a held-open transaction. */
const INSERT_ONE = `INSERT INTO events (transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
  SELECT xid, $1, (SELECT coalesce(max(stream_version), 0) + 1 FROM events WHERE stream_id = $1), $2, $3, $4, $5, '{}'
    FROM (SELECT pg_current_xact_id() AS xid) AS tx`;

const pool = new Pool({ connectionString: integrationEnv().databaseUrl, max: 24 });
afterAll(() => pool.end());

eventStoreContract('PostgresEventStore', async () => ({
  store: new PostgresEventStore(pool, { schemas: contractSchemas() }),
  writeLegacy: async (streamId, event, schemaVersion) => {
    await pool.query(INSERT_ONE, [streamId, event.id, event.type, schemaVersion, JSON.stringify(event.data)]);
  },
}));

const noted = (id: string): DomainEvent => ({ id, type: 'Noted', data: { note: id } });

describe('PostgresEventStore ordering fence', () => {
  it('reads for projections in transaction id order, compared as numbers, then by position', async () => {
    const store = new PostgresEventStore(pool);
    const stream = `order-${randomUUID()}`;
    // Ids below any real transaction, so they come first: 10 draws the lower position, 9 the higher one.
    for (const [xid, id] of [
      ['10', `${stream}-ten`],
      ['9', `${stream}-nine`],
    ])
      await pool.query(
        `INSERT INTO events (transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
         SELECT $1::xid8, $2, (SELECT coalesce(max(stream_version), 0) + 1 FROM events WHERE stream_id = $2), $3, 'Noted', 1, '{}', '{}'`,
        [xid, stream, id],
      );
    const first = await store.readSince(pool, STORE_START, 2);
    expect(first.events.map((event) => event.id)).toEqual([`${stream}-nine`, `${stream}-ten`]);
    expect(first.last?.transactionId).toBe('10');
    const next = await store.readSince(
      pool,
      { transactionId: '9', position: first.events[0]!.globalPosition },
      1,
    );
    expect(next.events.map((event) => event.id)).toEqual([`${stream}-ten`]);
  });

  it('never lets a reader pass an event that a slower transaction commits later with a lower position', async () => {
    const store = new PostgresEventStore(pool);
    const head = await store.readAll({ after: 0, limit: 1 }).then(() => store.headPosition());
    const slow = await pool.connect();
    try {
      // The slow writer takes its position first and holds its transaction open.
      await slow.query('BEGIN');
      await slow.query(INSERT_ONE, [`fence-${randomUUID()}`, 'slow', 'Noted', 1, '{}']);
      // Faster writers commit after it, with higher positions.
      for (let i = 0; i < 3; i++) await store.appendToStream(`fence-${randomUUID()}`, [noted(`fast-${i}`)]);

      const whileOpen = await store.readAll({ after: head, limit: 100 });
      expect(whileOpen.map((e) => e.id)).not.toContain('fast-0');
      expect(whileOpen.map((e) => e.id)).not.toContain('slow');
      // readSince holds them back too, and says that committed events wait behind the fence.
      const tailing = await store.readSince(pool, STORE_START, 100_000);
      expect(tailing.events.map((e) => e.id)).not.toContain('fast-0');
      expect(tailing.fenced).toBe(true);

      await slow.query('COMMIT');
      // Once it commits, all four appear, in position order (eventually: other suites' open
      // transactions hold the fence back too, as they should).
      await eventually(async () => {
        const afterCommit = await store.readAll({ after: head, limit: 1000 });
        const ours = afterCommit.map((e) => e.id).filter((id) => id === 'slow' || id.startsWith('fast-'));
        expect(ours).toEqual(['slow', 'fast-0', 'fast-1', 'fast-2']);
        expect((await store.readSince(pool, STORE_START, 1)).fenced).toBe(false);
      });
    } finally {
      await slow.query('ROLLBACK').catch(() => undefined);
      slow.release();
    }
  });
});

describe('PostgresEventStore under concurrent writers (property-based)', () => {
  const writer = fc.record({
    stream: fc.oneof(fc.constantFrom('shared-a', 'shared-b'), fc.constant('own')),
    batch: fc.integer({ min: 1, max: 4 }),
    optimistic: fc.boolean(),
  });

  it('loses, duplicates and reorders nothing whatever the interleaving', async () => {
    const store = new PostgresEventStore(pool, { notify: false });
    await fc.assert(
      fc.asyncProperty(fc.array(writer, { minLength: 2, maxLength: 24 }), async (writers) => {
        const run = randomUUID();
        const acknowledged = new Map<string, string[]>();
        const batchOf = new Map<string, number>();
        await Promise.all(
          writers.map(async (w, index) => {
            const streamId = w.stream === 'own' ? `prop-${run}-own-${index}` : `prop-${run}-${w.stream}`;
            const events = Array.from({ length: w.batch }, (_, k) => noted(`${run}-${index}-${k}`));
            for (const event of events) batchOf.set(event.id, index);
            for (;;) {
              try {
                // Optimistic writers read the version and race for it, retrying when they lose.
                const expectedVersion = w.optimistic ? (await store.readStream(streamId)).length : 'any';
                await store.appendToStream(streamId, events, { expectedVersion });
                break;
              } catch (error) {
                // Only a writer that named a version can lose a race for it; `any` must always land.
                const lost =
                  w.optimistic &&
                  error instanceof EventStoreException &&
                  error.code === EventStoreErrorCode.WrongExpectedVersion;
                if (!lost) throw error;
              }
            }
            acknowledged.set(streamId, [...(acknowledged.get(streamId) ?? []), ...events.map((e) => e.id)]);
          }),
        );
        for (const [streamId, ackIds] of acknowledged) {
          const stored = await store.readStream(streamId);
          expect(stored.map((e) => e.streamVersion)).toEqual(stored.map((_, i) => i + 1));
          expect([...stored.map((e) => e.id)].sort()).toEqual([...ackIds].sort());
          // A batch lands whole and in order: its events sit at consecutive versions.
          const versionsByBatch = new Map<number, number[]>();
          for (const e of stored)
            versionsByBatch.set(batchOf.get(e.id)!, [
              ...(versionsByBatch.get(batchOf.get(e.id)!) ?? []),
              e.streamVersion,
            ]);
          for (const versions of versionsByBatch.values())
            expect(versions.at(-1)! - versions[0]!).toBe(versions.length - 1);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('PostgresEventStore.appendWithin (the caller’s transaction)', () => {
  const store = new PostgresEventStore(pool);
  const inTransaction = async (work: (db: PoolClient) => Promise<void>, commit: boolean) => {
    const db = await pool.connect();
    try {
      await db.query('BEGIN');
      await work(db);
      await db.query(commit ? 'COMMIT' : 'ROLLBACK');
    } finally {
      db.release();
    }
  };

  it('commits with the transaction and vanishes with its rollback', async () => {
    const kept = `within-${randomUUID()}`;
    const dropped = `within-${randomUUID()}`;
    await inTransaction((db) => store.appendWithin(db, kept, [noted(`${kept}-1`), noted(`${kept}-2`)]), true);
    await inTransaction((db) => store.appendWithin(db, dropped, [noted(`${dropped}-1`)]), false);
    expect((await store.readStream(kept)).map((event) => event.streamVersion)).toEqual([1, 2]);
    expect(await store.readStream(dropped)).toEqual([]);
  });

  it('takes the next version when another transaction wins the race, without aborting its own', async () => {
    const stream = `within-${randomUUID()}`;
    const [first, second] = [await pool.connect(), await pool.connect()];
    try {
      await first.query('BEGIN');
      await second.query('BEGIN');
      await store.appendWithin(first, stream, [noted(`${stream}-first`)]);
      // Claims version 1 too: waits on the first transaction's row, then loses to it once it commits.
      const losing = store.appendWithin(second, stream, [noted(`${stream}-second`)]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await first.query('COMMIT');
      await losing;
      // Still a live transaction: the lost attempt was rolled back to its savepoint, not the whole thing.
      await second.query('COMMIT');
    } finally {
      first.release();
      second.release();
    }
    expect((await store.readStream(stream)).map((event) => [event.streamVersion, event.id])).toEqual([
      [1, `${stream}-first`],
      [2, `${stream}-second`],
    ]);
  });
});
