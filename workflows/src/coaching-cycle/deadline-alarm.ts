import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';
import { MIN_TIMER_MS } from './chain-ahead';
import { LAST_STEP_MS } from './deadline-steps';

/** The summary of the timer that ends on the deadline, in the history (what the replay spec checks). */
export const DEADLINE_TIMER_SUMMARY = 'deadline';

export interface DeadlineAlarmOptions {
  /**
   * Patch deadline-last-step. A timer's fire time counts from when its workflow task completes, while its
   * length is computed from when the task started; a task that records or reads through a local activity
   * completes only after it, so a timer started there fires that much late. Since this patch a deadline far
   * enough ahead is waited for in two steps: a first timer to LAST_STEP_MS before it, then, from that
   * wake-up (a task with nothing else to do), the timer that ends on the deadline.
   */
  lastStep: boolean;
  /** Called at the last step's wake-up with its deadline; must not hold the task up (no local activity). */
  onLastStep?: (deadline: string) => void;
}

/**
 * One durable timer for the cycle's next deadline, kept across commands: it is started again only when the
 * deadline moves, not every time an update wakes the workflow, so a completion that leaves the deadline
 * where it was adds no timer to the history.
 */
export class DeadlineAlarm {
  private armedFor: string | null = null;
  private scope: CancellationScope | null = null;
  private ringing = false;

  constructor(private readonly options: DeadlineAlarmOptions = { lastStep: false }) {}

  /** Whether the armed deadline has come. */
  get rang(): boolean {
    return this.ringing;
  }

  /** Aims the alarm at `deadline` (null: none); the timer running for another deadline is cancelled. */
  set(deadline: string | null): void {
    if (deadline === this.armedFor) return;
    this.scope?.cancel();
    this.scope = null;
    this.armedFor = deadline;
    this.ringing = false;
    if (deadline === null) return;
    const wait = Math.ceil(Date.parse(deadline) - Date.now());
    if (wait <= 0) {
      this.ringing = true;
      return;
    }
    const scope = new CancellationScope();
    this.scope = scope;
    const twoSteps = this.options.lastStep && wait >= MIN_TIMER_MS + LAST_STEP_MS;
    scope
      .run(() => (twoSteps ? this.waitInTwoSteps(deadline, wait) : sleep(wait)))
      .then(
        () => {
          if (this.scope === scope) this.ringing = true;
        },
        (error: unknown) => {
          // Cancelled because the deadline moved: the alarm for the new one is already set.
          if (!isCancellation(error)) throw error;
        },
      );
  }

  private async waitInTwoSteps(deadline: string, wait: number): Promise<void> {
    await sleep(wait - LAST_STEP_MS);
    this.options.onLastStep?.(deadline);
    // From this wake-up's time, which is the timer's start give or take the task's own few milliseconds.
    const rest = Math.ceil(Date.parse(deadline) - Date.now());
    if (rest > 0) await sleep(rest, { summary: DEADLINE_TIMER_SUMMARY });
  }
}
