import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@coachflow/domain';
import type { RecordedEvent } from '../event-store';
import { eventually, integrationEnv } from '@coachflow/testing';
import fc from 'fast-check';
import { Pool } from 'pg';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import type { ProjectionDefinition } from './projection';
import { ProjectionDaemon } from './projection-daemon';
import { deadLetters } from './dead-letters';
import { projectionLag } from './projection-lag';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjection } from './rebuild-projection';

const pool = new Pool({ connectionString: integrationEnv().databaseUrl, max: 30 });
const store = new PostgresEventStore(pool);
afterAll(async () => {
  await store.close();
  await pool.end();
});

const noted = (id: string): DomainEvent => ({ id, type: 'Noted', data: { note: id } });

/** A failure that says nothing about the events (a lost connection): the batch is retried, never parked. */
const connectionLost = (message: string) => Object.assign(new Error(message), { code: '08006' });

const deadLettersOf = async (projection: string) =>
  (await deadLetters(pool)).filter((letter) => letter.projection === projection);

/**
 * A projection that records every event it applies under a primary key: applying one twice fails the
 * batch, so "exactly once" is checked by Postgres itself. `failNext` makes the next batch crash midway.
 */
function recordingProjection() {
  const name = `it_projection_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const control = { failNext: false };
  const projection: ProjectionDefinition = {
    name,
    tables: [
      {
        name,
        create: (table) => [`CREATE TABLE ${table} (position bigint PRIMARY KEY, event_id text NOT NULL)`],
      },
    ],
    eventTypes: ['Noted'],
    async apply(events, { db, table }) {
      // One multi-row INSERT per batch; a crash lands after the first half is written, inside the transaction.
      const insert = (batch: typeof events) =>
        db.query(
          `INSERT INTO ${table(name)} (position, event_id) SELECT * FROM unnest($1::bigint[], $2::text[])`,
          [batch.map((event) => event.globalPosition), batch.map((event) => event.id)],
        );
      if (control.failNext) {
        control.failNext = false;
        await insert(events.slice(0, Math.ceil(events.length / 2)));
        throw connectionLost('crash in the middle of a batch');
      }
      await insert(events);
    },
  };
  const projectedIds = async (prefix: string) =>
    (
      await pool.query<{ event_id: string }>(`SELECT event_id FROM ${name} WHERE event_id LIKE $1`, [
        `${prefix}%`,
      ])
    ).rows.map((row) => row.event_id);
  return { projection, control, projectedIds };
}

/**
 * Waits until a started daemon has applied a first event of `run` and its lanes have gone back to sleep
 * (a lane that caught up waits for its next wake-up), so only a wake-up can bring later events in.
 */
async function caughtUp(
  writer: PostgresEventStore,
  run: string,
  projectedIds: (prefix: string) => Promise<string[]>,
): Promise<void> {
  await writer.appendToStream(`${run}s`, [noted(`${run}0`)]);
  await eventually(async () => expect(await projectedIds(run)).toHaveLength(1), 30_000, 50);
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/**
 * Sets a new projection up with its checkpoint at the newest event, so a test does not replay what every
 * other suite has written to the shared database. Events the test appends afterwards lie beyond it.
 */
async function setUpAtHead(runner: ProjectionRunner): Promise<void> {
  await runner.setUp();
  await pool.query(
    `UPDATE projection_checkpoints
        SET position = (SELECT coalesce(max(global_position), 0) FROM events),
            transaction_id = coalesce((SELECT transaction_id FROM events ORDER BY transaction_id DESC LIMIT 1), '0')
      WHERE name = $1`,
    [runner.projection.name],
  );
}

describe('projections on Postgres', () => {
  it('applies every event exactly once with concurrent writers, competing runners and crashes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 10 }),
        async (batches, crashes) => {
          const run = `p-${randomUUID()}-`;
          const { projection, control, projectedIds } = recordingProjection();
          const runners = [1, 2].map(() => new ProjectionRunner(pool, store, projection, { batchSize: 7 }));
          await setUpAtHead(runners[0]!);

          let writing = true;
          const writers = Promise.all(
            batches.map((size, w) =>
              store.appendToStream(
                `${run}s${w % 3}`,
                Array.from({ length: size }, (_, k) => noted(`${run}${w}-${k}`)),
              ),
            ),
          ).finally(() => {
            writing = false;
          });
          // Two runners (two processes) race on the same projection while writes land and batches crash.
          let crashIndex = 0;
          const race = async (runner: ProjectionRunner) => {
            while (writing) {
              control.failNext = crashes[crashIndex++ % crashes.length] ?? false;
              await runner.runBatch().catch(() => undefined);
            }
          };
          await Promise.all([writers, ...runners.map(race)]);
          control.failNext = false;

          const expected = batches.flatMap((size, w) =>
            Array.from({ length: size }, (_, k) => `${run}${w}-${k}`),
          );
          // Eventually: other suites' open transactions may hold the fence back for a moment.
          await eventually(async () => {
            await runners[0]!.catchUp();
            expect((await projectedIds(run)).sort()).toEqual(expected.sort());
          });
          // A second application would fail on the primary key and be parked: none may be.
          expect(await deadLettersOf(projection.name)).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('never skips an event with a lower position that commits after one with a higher position was applied', async () => {
    const run = `order-${randomUUID()}-`;
    const { projection, projectedIds } = recordingProjection();
    const runner = new ProjectionRunner(pool, store, projection);
    await setUpAtHead(runner);
    const [early, late] = [await pool.connect(), await pool.connect()];
    // One event the way the store appends it: the transaction id first, then the row (and its position).
    const insert = (db: typeof early, id: string) =>
      db.query(
        `INSERT INTO events (transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
         VALUES (pg_current_xact_id(), $1, 1, $1, 'Noted', 1, '{}', '{}')`,
        [id],
      );
    try {
      await early.query('BEGIN');
      await early.query('SELECT pg_current_xact_id()');
      await late.query('BEGIN');
      await late.query('SELECT pg_current_xact_id()');
      // The later transaction draws the lower position; the earlier one draws the higher and commits first.
      await insert(late, `${run}late`);
      await insert(early, `${run}early`);
      await early.query('COMMIT');
      // The early event is past the fence and applied while the late one, below it, is still uncommitted.
      await eventually(async () => {
        await runner.catchUp();
        expect(await projectedIds(run)).toEqual([`${run}early`]);
      });
      await late.query('COMMIT');
      await eventually(async () => {
        await runner.catchUp();
        expect((await projectedIds(run)).sort()).toEqual([`${run}early`, `${run}late`]);
      });
    } finally {
      await early.query('ROLLBACK').catch(() => undefined);
      await late.query('ROLLBACK').catch(() => undefined);
      early.release();
      late.release();
    }
  });

  it('resumes after a batch killed midway without applying anything twice', async () => {
    const run = `kill-${randomUUID()}-`;
    const { projection, control, projectedIds } = recordingProjection();
    const runner = new ProjectionRunner(pool, store, projection, { batchSize: 1000 });
    await setUpAtHead(runner);
    await store.appendToStream(
      `${run}s`,
      Array.from({ length: 10 }, (_, k) => noted(`${run}${k}`)),
    );
    // Once its events are past the fence, the batch that holds them crashes halfway and rolls back.
    await eventually(async () => {
      control.failNext = true;
      await expect(runner.catchUp()).rejects.toThrow('crash in the middle of a batch');
    });
    expect(await projectedIds(run)).toEqual([]);
    await eventually(async () => {
      await runner.catchUp();
      expect((await projectedIds(run)).length).toBe(10);
    });
  });

  it("is woken by another process's NOTIFY, not by polling", async () => {
    const run = `notify-${randomUUID()}-`;
    const { projection, projectedIds } = recordingProjection();
    // A poll interval far beyond the test's patience: only a notification can wake it in time.
    const daemon = new ProjectionDaemon(pool, store, [projection], { pollIntervalMs: 600_000 });
    // Another process's store: its appends reach the daemon only through Postgres.
    const elsewhere = new PostgresEventStore(pool);
    await daemon.start();
    try {
      await caughtUp(elsewhere, run, projectedIds);
      await elsewhere.appendToStream(`${run}s`, [noted(`${run}1`), noted(`${run}2`)]);
      await eventually(async () => expect(await projectedIds(run)).toHaveLength(3), 10_000, 50);
    } finally {
      await daemon.stop();
      await elsewhere.close();
    }
  });

  it("is woken by its own store's appends in the process, without a NOTIFY", async () => {
    const run = `local-${randomUUID()}-`;
    const { projection, projectedIds } = recordingProjection();
    const silent = new PostgresEventStore(pool, { notify: false });
    const daemon = new ProjectionDaemon(pool, silent, [projection], { pollIntervalMs: 600_000 });
    await daemon.start();
    try {
      await caughtUp(silent, run, projectedIds);
      await silent.appendToStream(`${run}s`, [noted(`${run}1`), noted(`${run}2`)]);
      await eventually(async () => expect(await projectedIds(run)).toHaveLength(3), 10_000, 50);
    } finally {
      await daemon.stop();
      await silent.close();
    }
  });

  it('runs projections side by side: one stuck in a batch does not hold up the next', async () => {
    const run = `side-${randomUUID()}-`;
    const stuck = recordingProjection();
    const quick = recordingProjection();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const blocking: ProjectionDefinition = {
      ...stuck.projection,
      apply: async (events, context) => {
        await released;
        await stuck.projection.apply(events, context);
      },
    };
    for (const projection of [blocking, quick.projection])
      await setUpAtHead(new ProjectionRunner(pool, store, projection));
    // The stuck projection comes first: run one after the other, the quick one would wait for it.
    const daemon = new ProjectionDaemon(pool, store, [blocking, quick.projection], {
      pollIntervalMs: 600_000,
    });
    await daemon.start();
    try {
      await store.appendToStream(`${run}s`, [noted(`${run}1`)]);
      await eventually(async () => expect(await quick.projectedIds(run)).toHaveLength(1), 10_000, 20);
      expect(await stuck.projectedIds(run)).toEqual([]);
      release();
      await eventually(async () => expect(await stuck.projectedIds(run)).toHaveLength(1), 10_000, 20);
    } finally {
      release();
      await daemon.stop();
    }
  });

  it('reads a batch once for the projections that keep up, applying it in one transaction', async () => {
    const run = `shared-${randomUUID()}-`;
    const recordings = [recordingProjection(), recordingProjection(), recordingProjection()];
    // Every event object each projection was handed.
    const seen = recordings.map(() => [] as RecordedEvent[]);
    const projections = recordings.map(({ projection }, index): ProjectionDefinition => ({
      ...projection,
      apply: async (events, context) => {
        seen[index]!.push(...events);
        await projection.apply(events, context);
      },
    }));
    for (const projection of projections) await setUpAtHead(new ProjectionRunner(pool, store, projection));
    const daemon = new ProjectionDaemon(pool, store, projections, { pollIntervalMs: 600_000 });
    await daemon.start();
    try {
      await store.appendToStream(`${run}s`, [noted(`${run}1`), noted(`${run}2`)]);
      for (const { projectedIds } of recordings)
        await eventually(async () => expect(await projectedIds(run)).toHaveLength(2), 10_000, 20);
    } finally {
      await daemon.stop();
    }
    // The very same objects: one read served all three.
    const ours = seen.map((events) => events.filter((event) => event.id.startsWith(run)));
    expect(ours[0]).toHaveLength(2);
    for (const events of ours.slice(1)) events.forEach((event, k) => expect(event).toBe(ours[0]![k]));
    // Their checkpoints moved together, to the same place.
    const { rows } = await pool.query<{ position: string; transaction_id: string }>(
      'SELECT DISTINCT position, transaction_id::text FROM projection_checkpoints WHERE name = ANY($1)',
      [projections.map((projection) => projection.name)],
    );
    expect(rows).toHaveLength(1);
  });

  it('leaves a failing projection to a lane of its own: the others keep up, it catches up once it works', async () => {
    const run = `leave-${randomUUID()}-`;
    const broken = recordingProjection();
    const healthy = recordingProjection();
    let failing = true;
    const flaky: ProjectionDefinition = {
      ...broken.projection,
      apply: async (events, context) => {
        if (failing && events.some((event) => event.id.startsWith(run)))
          throw connectionLost('the read model cannot reach its database');
        await broken.projection.apply(events, context);
      },
    };
    for (const projection of [flaky, healthy.projection])
      await setUpAtHead(new ProjectionRunner(pool, store, projection));
    const errors: string[] = [];
    const daemon = new ProjectionDaemon(pool, store, [flaky, healthy.projection], {
      pollIntervalMs: 200,
      onError: (name) => errors.push(name),
    });
    await daemon.start();
    try {
      await store.appendToStream(`${run}s`, [noted(`${run}1`)]);
      await eventually(async () => expect(await healthy.projectedIds(run)).toHaveLength(1), 10_000, 20);
      await eventually(async () => expect(errors).toContain(flaky.name), 10_000, 20);
      await store.appendToStream(`${run}s`, [noted(`${run}2`)]);
      await eventually(async () => expect(await healthy.projectedIds(run)).toHaveLength(2), 10_000, 20);
      expect(await broken.projectedIds(run)).toEqual([]);
      failing = false;
      await eventually(async () => expect(await broken.projectedIds(run)).toHaveLength(2), 10_000, 20);
      // Back in the shared lane, it keeps up with the others.
      await store.appendToStream(`${run}s`, [noted(`${run}3`)]);
      for (const { projectedIds } of [broken, healthy])
        await eventually(async () => expect(await projectedIds(run)).toHaveLength(3), 10_000, 20);
    } finally {
      await daemon.stop();
    }
    expect(new Set(errors)).toEqual(new Set([flaky.name]));
    expect(await deadLettersOf(flaky.name)).toEqual([]);
  });

  it('leaves a projection far behind the others to catch up on its own, each applying only what it has not', async () => {
    const run = `behind-${randomUUID()}-`;
    const late = recordingProjection();
    const current = recordingProjection();
    await setUpAtHead(new ProjectionRunner(pool, store, late.projection));
    await store.appendToStream(
      `${run}s`,
      Array.from({ length: 10 }, (_, k) => noted(`${run}old-${k}`)),
    );
    // The current one starts past those ten, the late one before them; batches of three.
    await setUpAtHead(new ProjectionRunner(pool, store, current.projection));
    const daemon = new ProjectionDaemon(pool, store, [late.projection, current.projection], {
      pollIntervalMs: 600_000,
      batchSize: 3,
    });
    await daemon.start();
    try {
      await store.appendToStream(`${run}s`, [noted(`${run}new`)]);
      await eventually(
        async () => expect(await current.projectedIds(run)).toEqual([`${run}new`]),
        10_000,
        20,
      );
      await eventually(async () => expect(await late.projectedIds(run)).toHaveLength(11), 10_000, 20);
      expect(await current.projectedIds(run)).toEqual([`${run}new`]);
    } finally {
      await daemon.stop();
    }
  });

  it('runs projections exactly once with two daemons (two processes) sharing batches while writers append', async () => {
    const run = `two-${randomUUID()}-`;
    const recordings = [recordingProjection(), recordingProjection(), recordingProjection()];
    const projections = recordings.map(({ projection }) => projection);
    for (const projection of projections) await setUpAtHead(new ProjectionRunner(pool, store, projection));
    const daemons = [1, 2].map(
      () => new ProjectionDaemon(pool, store, projections, { pollIntervalMs: 100, batchSize: 4 }),
    );
    for (const daemon of daemons) await daemon.start();
    try {
      const expected: string[] = [];
      await Promise.all(
        Array.from({ length: 12 }, async (_, w) => {
          const ids = Array.from({ length: 1 + (w % 3) }, (__, k) => `${run}${w}-${k}`);
          expected.push(...ids);
          await store.appendToStream(`${run}s${w % 4}`, ids.map(noted));
        }),
      );
      for (const { projectedIds } of recordings)
        await eventually(
          async () => expect((await projectedIds(run)).sort()).toEqual([...expected].sort()),
          10_000,
          50,
        );
    } finally {
      for (const daemon of daemons) await daemon.stop();
    }
    // A second application of an event would fail on its primary key and be parked: none may be.
    for (const projection of projections) expect(await deadLettersOf(projection.name)).toEqual([]);
  });

  it('backs off to the poll interval while a projection keeps failing transiently, instead of retrying in a loop', async () => {
    const { projection } = recordingProjection();
    let attempts = 0;
    const failing: ProjectionDefinition = {
      ...projection,
      apply: async () => {
        attempts += 1;
        throw connectionLost('the read model cannot reach its database');
      },
    };
    const runner = new ProjectionRunner(pool, store, failing);
    await setUpAtHead(runner);
    await store.appendToStream(`broken-${randomUUID()}`, [noted('x')]);
    const errors: string[] = [];
    const daemon = new ProjectionDaemon(pool, store, [failing], {
      pollIntervalMs: 400,
      onError: (name) => errors.push(name),
    });
    await daemon.start();
    await eventually(async () => expect(attempts).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await daemon.stop();
    // About one attempt per 400 ms (plus wake-ups from other suites' appends), not one per 50 ms.
    expect(attempts).toBeLessThanOrEqual(12);
    expect(errors.every((name) => name === failing.name)).toBe(true);
  });

  it('reports each projection’s lag behind the head', async () => {
    const { projection } = recordingProjection();
    await new ProjectionRunner(pool, store, projection).setUp();
    await store.appendToStream(`lag-${randomUUID()}`, [noted('a')]);
    const lag = (await projectionLag(pool))[projection.name]!;
    // Never applied anything: it trails by every position, and by the age of the very first event.
    expect(lag.behind).toBeGreaterThanOrEqual(1);
    expect(lag.behind).toBeLessThanOrEqual(await store.headPosition());
    expect(lag.seconds).toBeGreaterThan(0);
  });

  it('rebuilds into fresh tables while writers continue and swaps them in with nothing lost', async () => {
    const run = `rebuild-${randomUUID()}-`;
    const { projection, projectedIds } = recordingProjection();
    const live = new ProjectionRunner(pool, store, projection, { batchSize: 50 });
    await setUpAtHead(live);
    await store.appendToStream(
      `${run}a`,
      Array.from({ length: 120 }, (_, k) => noted(`${run}a${k}`)),
    );
    await live.catchUp();

    const during = (async () => {
      for (let i = 0; i < 20; i++) await store.appendToStream(`${run}b`, [noted(`${run}b${i}`)]);
    })();
    const progress: string[] = [];
    await rebuildProjection(pool, store, projection, {
      batchSize: 40,
      progress: (line) => progress.push(line),
    });
    await during;
    await eventually(async () => {
      await live.catchUp();
      const ids = await projectedIds(run);
      expect(ids).toHaveLength(140);
      expect(new Set(ids).size).toBe(140);
    });
    expect(progress.at(-1)).toMatch(/swapped in/);
    const leftovers = await pool.query(`SELECT to_regclass($1) AS fresh, to_regclass($2) AS retired`, [
      `${projection.name}__rebuild`,
      `${projection.name}__retired`,
    ]);
    expect(leftovers.rows[0]).toEqual({ fresh: null, retired: null });
    // Swapped in with planner statistics (reltuples is -1 for a table never analysed).
    const statistics = await pool.query<{ rows: number }>(
      'SELECT reltuples AS rows FROM pg_class WHERE oid = to_regclass($1)',
      [projection.name],
    );
    expect(statistics.rows[0]!.rows).toBeGreaterThanOrEqual(120);
  });

  it('parks an event it cannot apply with its error, goes on, and replays it in a rebuild after the fix', async () => {
    const run = `parked-${randomUUID()}-`;
    const { projection, projectedIds } = recordingProjection();
    let fixed = false;
    // Like a date beyond what timestamptz holds: Postgres refuses this one event, every time, until the fix.
    const picky: ProjectionDefinition = {
      ...projection,
      apply: async (events, context) => {
        if (!fixed && events.some((event) => event.id.includes('poison')))
          await context.db.query(`SELECT '+22026-01-01'::timestamptz`);
        await projection.apply(events, context);
      },
    };
    const runner = new ProjectionRunner(pool, store, picky);
    await setUpAtHead(runner);
    await store.appendToStream(`${run}s`, [noted(`${run}1`), noted(`${run}poison`), noted(`${run}2`)]);
    await eventually(async () => {
      await runner.catchUp();
      expect((await projectedIds(run)).sort()).toEqual([`${run}1`, `${run}2`]);
    });
    const [letter, ...more] = await deadLettersOf(picky.name);
    expect(more).toEqual([]);
    expect(letter).toMatchObject({ eventId: `${run}poison`, streamId: `${run}s`, type: 'Noted' });
    expect(letter!.error).toMatch(/SQLSTATE 22/);
    // Later events keep flowing past the parked one.
    await store.appendToStream(`${run}s`, [noted(`${run}3`)]);
    await eventually(async () => {
      await runner.catchUp();
      expect(await projectedIds(run)).toContain(`${run}3`);
    });

    fixed = true;
    await rebuildProjection(pool, store, picky);
    expect((await projectedIds(run)).sort()).toEqual([`${run}1`, `${run}2`, `${run}3`, `${run}poison`]);
    expect(await deadLettersOf(picky.name)).toEqual([]);
  });
});
