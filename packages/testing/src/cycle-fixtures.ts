import type {
  CompletedTaskView,
  CycleView,
  EscalationLevelRole,
  PlaybookTimings,
  TaskKind,
  TaskList,
  TaskView,
} from '@coachflow/contracts';
import type { ApiClient, ApiResponse } from './api-client';
import { eventually } from './eventually';

/** The rubric's competencies in every cycle fixture (their keys; also their names unless renamed). */
export const FIXTURE_COMPETENCIES = ['discovery', 'closing', 'objections'] as const;
export type FixtureCompetency = (typeof FIXTURE_COMPETENCIES)[number];

/** Ratings for every fixture competency (the rubric's scale is 1..5). */
export function fixtureRatings(value: number): Record<string, number> {
  return Object.fromEntries(FIXTURE_COMPETENCIES.map((key) => [key, value]));
}

/** One completion on the way through a cycle: who completes which task, with which answers. */
export interface CycleStepFixture {
  by: 'rep' | 'manager';
  kind: TaskKind;
  data: Record<string, unknown>;
}

/** The completions from a cycle's start to its accepted plan (benchmarks and chaos runs walk them). */
export const STEPS_TO_PLAN: readonly CycleStepFixture[] = [
  { by: 'rep', kind: 'self-assessment', data: { ratings: fixtureRatings(3) } },
  { by: 'manager', kind: 'manager-assessment', data: { ratings: fixtureRatings(2) } },
  {
    by: 'manager',
    kind: 'set-priorities',
    data: { focusAreas: ['discovery'], diagnosis: 'skill', style: 'coaching' },
  },
  { by: 'manager', kind: 'coaching-session', data: { commitments: [{ title: 'Ten calls', due: 'P7D' }] } },
  { by: 'rep', kind: 'acknowledge-plan', data: { accepted: true } },
];

export interface PlaybookFixtureOptions {
  timings?: Partial<PlaybookTimings>;
  levels?: EscalationLevelRole[];
  maxFocusAreas?: number;
  observation?: boolean;
  /** Forms by task kind (their ids), instead of the organisation's defaults. */
  forms?: Partial<Record<TaskKind, string>>;
  /** The playbook's and competencies' names, instead of "Fixture playbook" and the keys. */
  names?: { playbook?: string; competencies?: Partial<Record<FixtureCompetency, string>> };
  /** A published rubric to rate by, instead of a new fixture rubric. */
  rubricId?: string;
}

/** Seconds-long timings, so a whole cycle runs in a test. */
export const FAST_TIMINGS: PlaybookTimings = {
  prioritiseDue: 'PT120S',
  sessionDue: 'PT120S',
  planLength: 'PT3S',
  checkInGrace: 'PT2S',
  escalateAfter: 'PT2S',
};

async function created(response: Promise<ApiResponse<{ id: string }>>, what: string): Promise<string> {
  const { status, body } = await response;
  if (status !== 201 && status !== 200) throw new Error(`${what} failed: ${status} ${JSON.stringify(body)}`);
  return body.id;
}

/**
 * A published rubric (FIXTURE_COMPETENCIES on a 1..5 scale) and a published playbook on it, created by an
 * admin through the configuration API; returns the playbook's id.
 */
export async function createPlaybookFixture(
  admin: ApiClient,
  options: PlaybookFixtureOptions = {},
): Promise<string> {
  const rubricId = options.rubricId ?? (await createFixtureRubric(admin, options));
  const playbookId = await created(
    admin.post<{ id: string }>('/api/playbooks', {
      name: options.names?.playbook ?? 'Fixture playbook',
      rubricId,
      timings: { ...FAST_TIMINGS, ...options.timings },
      escalation: { levels: options.levels ?? ['manager', 'leader'] },
      maxFocusAreas: options.maxFocusAreas ?? 2,
      observation: options.observation ?? false,
      autoRenew: false,
      ...(options.forms ? { forms: options.forms } : {}),
    }),
    'creating the playbook',
  );
  await created(
    admin.post<{ id: string }>(`/api/playbooks/${playbookId}/publish`),
    'publishing the playbook',
  );
  return playbookId;
}

/** The fixture rubric (its competencies are FIXTURE_COMPETENCIES), published; answers its id. */
async function createFixtureRubric(admin: ApiClient, options: PlaybookFixtureOptions): Promise<string> {
  const rubricId = await created(
    admin.post<{ id: string }>('/api/rubrics', {
      name: 'Fixture rubric',
      scale: { min: 1, max: 5 },
      competencies: FIXTURE_COMPETENCIES.map((key) => ({
        key,
        name: options.names?.competencies?.[key] ?? key,
        weight: 1,
        target: 4,
      })),
    }),
    'creating the rubric',
  );
  await created(admin.post<{ id: string }>(`/api/rubrics/${rubricId}/publish`), 'publishing the rubric');
  return rubricId;
}

/** Starts a cycle for the rep on the playbook as `manager` (a manager, leader or admin); insists on 201. */
export async function startCycle(manager: ApiClient, repId: string, playbookId: string): Promise<CycleView> {
  const started = await manager.post<CycleView>('/api/cycles', { repId, playbookId });
  if (started.status !== 201)
    throw new Error(`starting a cycle: ${started.status} ${JSON.stringify(started.body)}`);
  return started.body;
}

/** Waits until `user`'s inbox shows an open task of `kind` in `cycleId` (matching `where`), and returns it. */
export function openTask(
  user: ApiClient,
  cycleId: string,
  kind: TaskKind,
  where: (task: TaskView) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<TaskView> {
  return eventually(
    async () => {
      const response = await user.get<TaskList>(`/api/tasks?status=open&cycleId=${cycleId}`);
      if (response.status !== 200)
        throw new Error(`inbox: ${response.status} ${JSON.stringify(response.body)}`);
      const task = response.body.items.find((candidate) => candidate.kind === kind && where(candidate));
      if (!task)
        throw new Error(`no open ${kind} task in ${JSON.stringify(response.body.items.map((t) => t.kind))}`);
      return task;
    },
    timeoutMs,
    100,
  );
}

/** Completes a task and insists on 200. */
export async function completeTask(
  user: ApiClient,
  task: TaskView,
  data: Record<string, unknown>,
): Promise<CompletedTaskView> {
  const response = await user.post<CompletedTaskView>(`/api/tasks/${task.id}/complete`, { data });
  if (response.status !== 200)
    throw new Error(`completing ${task.kind} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
