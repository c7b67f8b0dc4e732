import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { cycleStreamId, type DomainEvent } from '@coachflow/domain';
import {
  PostgresEventStore,
  type ProjectionDefinition,
  ProjectionRunner,
  rebuildProjection,
  STORE_START,
  type StorePosition,
} from '@coachflow/event-store';
import { cycleSummariesProjection, cycleSummary, inboxPage, tasksProjection } from '@coachflow/read-models';
import { createOrganisationFixture, createPlaybookFixture } from '@coachflow/testing';
import { Pool } from 'pg';
import { type BenchRun, benchEnvironment } from './bench-run';
import { withBenchDatabase } from './bench-database';
import { envCount } from './bench-scale';
import { cyclesPerRep } from './history-size';
import { cpuByRole } from './process-cpu';
import { type LatencySummary, type Rate, rate, summarizeLatencies } from './cycle-report';
import { startCycleStack } from './cycle-stack';
import {
  complete,
  createPeople,
  inBatches,
  openTaskOf,
  type Person,
  startCycles,
  WALK,
} from './simulated-people';

export interface HistoryBenchmarkOptions {
  env: NodeJS.ProcessEnv;
  scale: number;
  say: (line: string) => void;
}

export interface HistoryBenchmarkResult extends BenchRun {
  reps: number;
  managers: number;
  cycles: number;
  events: number;
  /** Writing them through `appendToStream`, a cycle's stream per call, 8 writers. */
  append: Rate;
  queries: {
    /** A manager's open tasks, first page of 50. */
    inboxOpen: LatencySummary;
    /** A manager's tasks of every status (a year of completed ones), first page of 50. */
    inboxAll: LatencySummary;
    cycleSummary: LatencySummary;
    /** Every event of one cycle's stream, as the cycle's timeline reads it. */
    cycleTimeline: LatencySummary;
  };
  rebuilds: RebuildComparison[];
}

/** A projection's full rebuild beside the bare loop, each with its rate and the CPU it used. */
export interface RebuildComparison {
  projection: string;
  rebuild: Rate;
  bare: Rate;
  /**
   * CPU milliseconds per 1,000 events (this process and the embedded Postgres; absent on DATABASE_URL's server,
   * whose processes are not ours): unlike a rate, it does not move with what else runs on the machine.
   */
  cpuMsPerThousand?: { rebuild: number; bare: number };
}

/** Read and applied this many events a batch, by the rebuild and by the bare loop alike. */
const REBUILD_BATCH = 2000;
const QUERY_SAMPLES = 300;
/** How often a rebuild phase says how far it got: at full size each phase takes minutes. */
const PROGRESS_EVERY_MS = 30_000;

/** `say`, at most once every PROGRESS_EVERY_MS. */
function everyHalfMinute(say: (line: string) => void): (line: string) => void {
  let saidAt = performance.now();
  return (line) => {
    if (performance.now() - saidAt < PROGRESS_EVERY_MS) return;
    saidAt = performance.now();
    say(line);
  };
}
/**
 * The inbox and summary projections as a rebuild applies a year-old history: without their live-update
 * announcements, which skip events older than a day (LIVE_UPDATES_RETENTION_MS), nearly all of a year.
 */
const REBUILT: ProjectionDefinition[] = [tasksProjection, cycleSummariesProjection];

/**
 * `npm run bench -- history`: a year of events. A real cycle is walked to its plan once over HTTP and its
 * stream kept as a template; then HISTORY_REPS reps (20,000 × BENCH_SCALE) get cycles made from it (fresh
 * ids; each rep's last cycle stops at its first task, so inboxes have open tasks) until HISTORY_EVENTS
 * events (10 million × BENCH_SCALE) are stored, written through the event store's own `appendToStream`.
 * Timed, on that history: inbox pages, a cycle's summary and its timeline (the read-model queries and the
 * stream read the API runs), and a full rebuild of the inbox and summary projections against a bare loop
 * reading the same events and inserting a row each.
 */
export async function historyBenchmark({
  env,
  scale,
  say,
}: HistoryBenchmarkOptions): Promise<HistoryBenchmarkResult> {
  const startedAt = new Date().toISOString();
  const reps = envCount(env, 'HISTORY_REPS', Math.max(100, Math.round(20_000 * scale)));
  const targetEvents = envCount(env, 'HISTORY_EVENTS', Math.max(10_000, Math.round(10_000_000 * scale)));
  return withBenchDatabase(env, say, async (database) => {
    const pool = new Pool({ connectionString: database.url, max: 10 });
    const store = new PostgresEventStore(pool);
    try {
      const stack = await startCycleStack(database.url, say);
      let template: Template;
      let organisationId: string;
      let people: { managers: Person[]; pairs: { rep: Person; manager: Person }[] };
      try {
        const org = await createOrganisationFixture(stack.baseUrl);
        organisationId = org.organisationId;
        const playbookId = await createPlaybookFixture(org.admin.api, {
          timings: { prioritiseDue: 'P7D', sessionDue: 'P7D', planLength: 'P30D' },
        });
        say('one cycle walked to its plan over HTTP, its stream kept as the template');
        const [walker] = (await createPeople(pool, org, 1, stack.baseUrls)).pairs;
        const [cycle] = await startCycles([walker!], playbookId, stack.baseUrls);
        for (let step = 0; step < WALK.length; step++)
          await complete(cycle!, step, await openTaskOf(cycle!, step));
        template = await templateOf(store, cycle!.cycleId, walker!.rep.id, walker!.manager.id);
        people = await createPeople(pool, org, reps, stack.baseUrls, false);
      } finally {
        // No worker from here on: the projections run when this bench says.
        await stack.stop();
      }
      const perRep = cyclesPerRep(targetEvents, reps, template.full.length, template.open.length);
      say(
        `${reps} reps × ${perRep} cycles of ${template.full.length} events (the last one ${template.open.length}), ` +
          'through appendToStream, 8 writers',
      );
      const written = await writeHistory(pool, store, organisationId, template, people.pairs, perRep, say);
      const append = rate(written.events, written.ms);
      say(`${written.events} events in ${(written.ms / 1000).toFixed(0)} s; rebuilding the projections`);

      const rebuilds = [];
      for (const projection of REBUILT) {
        rebuilds.push(
          await rebuildAgainstBare(pool, store, projection, written.events, database.serverPid, say),
        );
      }

      say(`${QUERY_SAMPLES} samples of each query`);
      const managers = people.managers;
      const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
      const timed = async (run: () => Promise<unknown>) => {
        const samples: number[] = [];
        for (let i = 0; i < QUERY_SAMPLES; i++) {
          const before = performance.now();
          await run();
          samples.push(performance.now() - before);
        }
        return summarizeLatencies(samples);
      };
      const queries = {
        inboxOpen: await timed(() =>
          inboxPage(pool, { organisationId, assigneeId: pick(managers).id, status: 'open', limit: 50 }),
        ),
        inboxAll: await timed(() =>
          inboxPage(pool, { organisationId, assigneeId: pick(managers).id, limit: 50 }),
        ),
        cycleSummary: await timed(() => cycleSummary(pool, pick(written.cycleIds))),
        cycleTimeline: await timed(() => store.readStream(cycleStreamId(pick(written.cycleIds)))),
      };
      return {
        startedAt,
        scale,
        ...benchEnvironment(database),
        reps,
        managers: managers.length,
        cycles: written.cycleIds.length,
        events: written.events,
        append,
        queries,
        rebuilds,
      };
    } finally {
      await store.close();
      await pool.end();
    }
  });
}

/** A real cycle's events, and the ids in them a copy gets fresh. */
interface Template {
  full: DomainEvent[];
  /** The first events, up to its first completion: a cycle waiting on its first task. */
  open: DomainEvent[];
  cycleId: string;
  repId: string;
  managerId: string;
  /** Task, commitment and escalation ids: fresh in every copy. */
  ownIds: string[];
}

async function templateOf(
  store: PostgresEventStore,
  cycleId: string,
  repId: string,
  managerId: string,
): Promise<Template> {
  const recorded = await store.readStream(cycleStreamId(cycleId));
  const full = recorded.map(({ id, type, data, metadata }) => ({ id, type, data, metadata }));
  const firstCompletion = full.findIndex((event) => event.type === 'TaskCompleted');
  const ownIds = new Set<string>();
  const collect = (value: unknown, key = ''): void => {
    if (typeof value === 'string' && /^(taskId|commitmentId|escalationId)$/.test(key)) ownIds.add(value);
    else if (Array.isArray(value)) for (const item of value) collect(item);
    else if (value && typeof value === 'object')
      for (const [name, inner] of Object.entries(value)) collect(inner, name);
  };
  collect(full.map((event) => event.data));
  return {
    full,
    open: full.slice(0, firstCompletion),
    cycleId,
    repId,
    managerId,
    ownIds: [...ownIds],
  };
}

/** The template's events with its cycle, rep, manager and own ids replaced. */
function copyOf(events: DomainEvent[], ids: Map<string, string>): DomainEvent[] {
  let text = JSON.stringify(events);
  for (const [from, to] of ids) text = text.split(from).join(to);
  return JSON.parse(text) as DomainEvent[];
}

async function writeHistory(
  pool: Pool,
  store: PostgresEventStore,
  organisationId: string,
  template: Template,
  pairs: { rep: Person; manager: Person }[],
  perRep: number,
  say: (line: string) => void,
): Promise<{ events: number; ms: number; cycleIds: string[] }> {
  const jobs = pairs.flatMap((pair) =>
    Array.from({ length: perRep }, (_, index) => ({ ...pair, last: index === perRep - 1 })),
  );
  const playbook = (template.full[0]?.data as { playbook?: { id: string; version: number } }).playbook;
  if (!playbook) throw new Error('the template starts without CycleStarted');
  const cycleIds: string[] = [];
  let events = 0;
  let reported = 0;
  const began = performance.now();
  for (let at = 0; at < jobs.length; at += 400) {
    const chunk = jobs.slice(at, at + 400).map((job) => ({ ...job, cycleId: randomUUID() }));
    // The registry row first, as a cycle start reserves it; a rep's one running cycle is its last.
    await pool.query(
      `INSERT INTO cycles (id, organisation_id, rep_id, manager_id, playbook_id, playbook_version, phase, status, workflow_id)
       SELECT id, $1, rep, manager, $2, $3, phase, status, 'coaching-cycle-' || id
         FROM unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[]) AS c(id, rep, manager, phase, status)`,
      [
        organisationId,
        playbook.id,
        playbook.version,
        chunk.map((job) => job.cycleId),
        chunk.map((job) => job.rep.id),
        chunk.map((job) => job.manager.id),
        chunk.map((job) => (job.last ? 'prioritise' : 'improve')),
        chunk.map((job) => (job.last ? 'running' : 'completed')),
      ],
    );
    await inBatches(chunk, 8, async (job) => {
      const ids = new Map<string, string>([
        [template.cycleId, job.cycleId],
        [template.repId, job.rep.id],
        [template.managerId, job.manager.id],
        ...template.ownIds.map((id): [string, string] => [id, randomUUID()]),
      ]);
      const copy = copyOf(job.last ? template.open : template.full, ids);
      await store.appendToStream(cycleStreamId(job.cycleId), copy, { expectedVersion: 'no-stream' });
      events += copy.length;
    });
    cycleIds.push(...chunk.map((job) => job.cycleId));
    if (events - reported >= 100_000) {
      reported = events;
      say(`${events} events written`);
    }
  }
  return { events, ms: performance.now() - began, cycleIds };
}

/** A full rebuild of `projection`, then a bare loop reading every event and inserting a row for each. */
async function rebuildAgainstBare(
  pool: Pool,
  store: PostgresEventStore,
  projection: ProjectionDefinition,
  events: number,
  postgresPid: number | undefined,
  say: (line: string) => void,
): Promise<RebuildComparison> {
  await new ProjectionRunner(pool, store, projection).setUp();
  const cpuNow = () => {
    const used = cpuByRole(postgresPid === undefined ? {} : { postgres: [postgresPid] });
    return (used['clients'] ?? 0) + (used['postgres'] ?? 0);
  };
  const cpuBefore = cpuNow();
  const began = performance.now();
  await rebuildProjection(pool, store, projection, {
    batchSize: REBUILD_BATCH,
    progress: everyHalfMinute(say),
  });
  const rebuild = rate(events, performance.now() - began);
  const cpuBetweenPhases = cpuNow();
  const bare = await bareReadAndInsert(pool, store, everyHalfMinute(say));
  const cpuAfter = cpuNow();
  const perThousand = (ms: number, count: number) => (ms * 1000) / count;
  const cpuMsPerThousand =
    postgresPid === undefined
      ? undefined
      : {
          rebuild: perThousand(cpuBetweenPhases - cpuBefore, events),
          bare: perThousand(cpuAfter - cpuBetweenPhases, bare.count),
        };
  say(
    `${projection.name}: rebuilt at ${rebuild.perSecond.toFixed(0)} events/s, bare loop ${bare.perSecond.toFixed(0)}/s` +
      (cpuMsPerThousand
        ? `; CPU per 1,000 events ${cpuMsPerThousand.rebuild.toFixed(0)} ms, bare ${cpuMsPerThousand.bare.toFixed(0)} ms`
        : ''),
  );
  return { projection: projection.name, rebuild, bare, ...(cpuMsPerThousand ? { cpuMsPerThousand } : {}) };
}

/** Every event read in batches as the rebuild reads them, one row inserted per event, a transaction a batch. */
async function bareReadAndInsert(
  pool: Pool,
  store: PostgresEventStore,
  progress: (line: string) => void,
): Promise<Rate> {
  await pool.query('DROP TABLE IF EXISTS bench_bare_rebuild');
  await pool.query(
    'CREATE TABLE bench_bare_rebuild (position bigint PRIMARY KEY, stream_id text NOT NULL, type text NOT NULL, data jsonb NOT NULL)',
  );
  let at: StorePosition = STORE_START;
  let read = 0;
  const began = performance.now();
  for (;;) {
    const db = await pool.connect();
    try {
      await db.query('BEGIN');
      const { events, last } = await store.readSince(db, at, REBUILD_BATCH);
      if (!last) {
        await db.query('COMMIT');
        break;
      }
      await db.query(
        `INSERT INTO bench_bare_rebuild (position, stream_id, type, data)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::jsonb[])`,
        [
          events.map((event) => event.globalPosition),
          events.map((event) => event.streamId),
          events.map((event) => event.type),
          events.map((event) => JSON.stringify(event.data)),
        ],
      );
      await db.query('COMMIT');
      at = last;
      read += events.length;
      progress(`bare loop: read ${read} events`);
    } finally {
      db.release();
    }
  }
  const result = rate(read, performance.now() - began);
  await pool.query('DROP TABLE bench_bare_rebuild');
  return result;
}
