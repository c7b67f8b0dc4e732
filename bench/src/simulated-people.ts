import { randomUUID } from 'node:crypto';
import type { CycleView, LoginResponse, TaskList } from '@coachflow/contracts';
import {
  ApiClient,
  FIXTURE_PASSWORD,
  type LiveStreamClient,
  type OrganisationFixture,
  STEPS_TO_PLAN,
} from '@coachflow/testing';
import type { Pool } from 'pg';

// Simulated managers and reps for the load and burst benches: made in bulk, signed in over HTTP, walking
// cycles through their inboxes.

/** One simulated manager or rep: signed in, talking to one API process. */
export interface Person {
  id: string;
  token: string;
}

/** A cycle and the people who walk it, on the API their requests go to. */
export interface LoadCycle {
  cycleId: string;
  rep: Person;
  manager: Person;
  baseUrl: string;
  /**
   * The live streams (`GET /api/stream`) its people wait on for their next task, as the web app does;
   * a person without one polls the inbox every INBOX_POLL_MS.
   */
  streams?: Partial<Record<'rep' | 'manager', LiveStreamClient>>;
}

/** How often a simulated person without a live stream looks at the inbox for the next task. */
export const INBOX_POLL_MS = 20;
/** How long a person waiting on their live stream goes without word of their cycle before looking anyway. */
export const INBOX_FALLBACK_MS = 1000;

export const REPS_PER_MANAGER = 20;

/** Who completes what, from the cycle's start to its accepted plan. */
export const WALK = STEPS_TO_PLAN;

/**
 * Managers (one per REPS_PER_MANAGER reps) and reps straight into the database with the fixture's password
 * hash, then signed in over HTTP, a few at a time.
 */
export async function createPeople(
  pool: Pool,
  org: OrganisationFixture,
  reps: number,
  baseUrls: string[],
  /** False when only managers act (starting cycles): reps are not signed in and have no token. */
  signInReps = true,
): Promise<{ managers: Person[]; pairs: { rep: Person; manager: Person }[] }> {
  const tag = randomUUID().slice(0, 8);
  const managerCount = Math.ceil(reps / REPS_PER_MANAGER);
  const { rows: managerRows } = await pool.query<{ id: string; email: string }>(
    `INSERT INTO users (organisation_id, email, name, role, manager_id, password_hash)
     SELECT $1, 'load-manager-' || g || '-' || $3 || '@bench.test', 'Load manager ' || g, 'manager', $2,
            (SELECT password_hash FROM users WHERE id = $5)
       FROM generate_series(1, $4::int) g RETURNING id, email`,
    [org.organisationId, org.leader.user.id, tag, managerCount, org.rep.user.id],
  );
  const { rows: repRows } = await pool.query<{ id: string; email: string; manager_id: string }>(
    `INSERT INTO users (organisation_id, email, name, role, manager_id, password_hash)
     SELECT $1, 'load-rep-' || g || '-' || $3 || '@bench.test', 'Load rep ' || g, 'rep',
            ($2::uuid[])[1 + (g - 1) / $5::int], (SELECT password_hash FROM users WHERE id = $6)
       FROM generate_series(1, $4::int) g RETURNING id, email, manager_id`,
    [org.organisationId, managerRows.map((row) => row.id), tag, reps, REPS_PER_MANAGER, org.rep.user.id],
  );
  const signIn = async (row: { id: string; email: string }, index: number): Promise<Person> => {
    const api = new ApiClient(baseUrls[index % baseUrls.length]!);
    const login = await api.post<LoginResponse>('/api/auth/login', {
      email: row.email,
      password: FIXTURE_PASSWORD,
    });
    if (login.status !== 200) throw new Error(`signing in ${row.email}: ${login.status}`);
    return { id: row.id, token: login.body.token };
  };
  const managers = await inBatches(managerRows, 4, signIn);
  const byId = new Map(managers.map((manager) => [manager.id, manager]));
  const repPeople = signInReps
    ? await inBatches(repRows, 4, signIn)
    : repRows.map((row) => ({ id: row.id, token: '' }));
  return {
    managers,
    pairs: repPeople.map((rep, index) => ({ rep, manager: byId.get(repRows[index]!.manager_id)! })),
  };
}

/** Maps `items` with at most `width` calls at once, keeping their order. */
export async function inBatches<T, R>(
  items: readonly T[],
  width: number,
  map: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let index = next++; index < items.length; index = next++)
        results[index] = await map(items[index]!, index);
    }),
  );
  return results;
}

/** Starts a cycle for each pair over HTTP, 8 at a time, the APIs taking turns. */
export async function startCycles(
  pairs: { rep: Person; manager: Person }[],
  playbookId: string,
  baseUrls: string[],
): Promise<LoadCycle[]> {
  return inBatches(pairs, 8, async ({ rep, manager }, index) => {
    const baseUrl = baseUrls[index % baseUrls.length]!;
    const started = await new ApiClient(baseUrl, manager.token).post<CycleView>('/api/cycles', {
      repId: rep.id,
      playbookId,
    });
    if (started.status !== 201) throw new Error(`starting a cycle: ${started.status}`);
    return { cycleId: started.body.id, rep, manager, baseUrl };
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads the inbox of the step's person until the cycle's task of that kind is open; returns its id. Between
 * reads the person waits for their stream to announce a task opened in the cycle (or INBOX_FALLBACK_MS
 * without one), or, without a live stream, INBOX_POLL_MS. `seen.announcedAt` gets when the last such
 * announcement arrived (ms), if the person waited for one.
 */
export async function openTaskOf(
  cycle: LoadCycle,
  step: number,
  seen: { announcedAt?: number } = {},
): Promise<string> {
  const { by, kind } = WALK[step]!;
  const api = new ApiClient(cycle.baseUrl, (by === 'rep' ? cycle.rep : cycle.manager).token);
  const stream = cycle.streams?.[by];
  const deadline = Date.now() + 120_000;
  for (;;) {
    const asked = Date.now();
    const response = await api.get<TaskList>(`/api/tasks?status=open&cycleId=${cycle.cycleId}`);
    const task = response.status === 200 ? response.body.items.find((item) => item.kind === kind) : undefined;
    if (task) return task.id;
    if (Date.now() > deadline) throw new Error(`no ${kind} task in cycle ${cycle.cycleId}`);
    if (stream && !stream.isEnded) seen.announcedAt = await taskOpenedSince(stream, cycle.cycleId, asked);
    else await sleep(INBOX_POLL_MS);
  }
}

/**
 * Waits for the stream's word of a task opened in the cycle since `since` (ms), at most INBOX_FALLBACK_MS;
 * returns when it arrived, or undefined without one.
 */
async function taskOpenedSince(
  stream: LiveStreamClient,
  cycleId: string,
  since: number,
): Promise<number | undefined> {
  const message = await stream
    .next(
      (candidate) =>
        candidate.receivedAt >= since &&
        candidate.data.type === 'TaskOpened' &&
        candidate.data.cycleId === cycleId,
      INBOX_FALLBACK_MS,
    )
    .catch(() => undefined);
  return message?.receivedAt;
}

/** Completes the step's task as its person; anything but 200 is an error. */
export async function complete(
  cycle: LoadCycle,
  step: number,
  taskId: string,
  data: Record<string, unknown> = WALK[step]!.data,
): Promise<void> {
  const { by } = WALK[step]!;
  const api = new ApiClient(cycle.baseUrl, (by === 'rep' ? cycle.rep : cycle.manager).token);
  const answer = await api.post(`/api/tasks/${taskId}/complete`, { data });
  if (answer.status !== 200)
    throw new Error(`completing ${WALK[step]!.kind}: ${answer.status} ${JSON.stringify(answer.body)}`);
}
