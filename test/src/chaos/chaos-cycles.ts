import type { TaskKind, TaskView } from '@coachflow/contracts';
import {
  type ApiClient,
  eventually,
  type FixtureUser,
  type OrganisationFixture,
  openTask,
  STEPS_TO_PLAN,
} from '@coachflow/testing';
import type { CompletionLedger } from './stream-verifier';

/** How many of each fault a chaos run injects: CHAOS_SCALE (1 in CI, more with `npm run chaos`). */
export function chaosScale(env: NodeJS.ProcessEnv = process.env): number {
  const scale = Number(env['CHAOS_SCALE'] ?? '1');
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`CHAOS_SCALE must be a positive number`);
  return scale;
}

/** Sends one completion and notes its answer; a connection that dies first is `network`. */
export async function sendCompletion(
  user: ApiClient,
  task: TaskView,
  data: Record<string, unknown>,
  ledger: CompletionLedger,
): Promise<number | 'network'> {
  const answer = await user.post(`/api/tasks/${task.id}/complete`, { data }).then(
    (response) => response.status,
    () => 'network' as const,
  );
  ledger.note(task.id, answer);
  return answer;
}

/**
 * Completes the open task of `kind` as a client that retries would: on anything but 200 it looks at the task
 * again and sends once more unless the task is no longer open (an earlier attempt went through). Returns the
 * answers it got.
 */
export async function completeSurely(
  user: ApiClient,
  cycleId: string,
  kind: TaskKind,
  data: Record<string, unknown>,
  ledger: CompletionLedger,
): Promise<(number | 'network')[]> {
  const task = await openTask(user, cycleId, kind, () => true, 120_000);
  const answers: (number | 'network')[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const answer = await sendCompletion(user, task, data, ledger);
    answers.push(answer);
    if (answer === 200) return answers;
    const settled = await eventually(
      async () => {
        const view = await user.get<TaskView>(`/api/tasks/${task.id}`);
        if (view.status !== 200) throw new Error(`task ${task.id}: ${view.status}`);
        return view.body.status;
      },
      60_000,
      200,
    );
    if (settled !== 'open') return answers;
  }
  throw new Error(`${kind} ${task.id} still open after ${MAX_ATTEMPTS} attempts: ${answers.join(', ')}`);
}

const MAX_ATTEMPTS = 30;

/** Walks a cycle from its start to the accepted plan, retrying through whatever fails meanwhile. */
export async function walkToPlan(
  org: OrganisationFixture,
  rep: FixtureUser,
  cycleId: string,
  ledger: CompletionLedger,
): Promise<void> {
  for (const step of STEPS_TO_PLAN)
    await completeSurely(
      step.by === 'rep' ? rep.api : org.manager.api,
      cycleId,
      step.kind,
      step.data,
      ledger,
    );
}
