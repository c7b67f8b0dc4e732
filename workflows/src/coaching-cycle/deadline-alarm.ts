import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';

/**
 * One durable timer for the cycle's next deadline, kept across commands: it is started again only when the
 * deadline moves, not every time an update wakes the workflow, so a completion that leaves the deadline
 * where it was adds no timer to the history.
 */
export class DeadlineAlarm {
  private armedFor: string | null = null;
  private scope: CancellationScope | null = null;
  private ringing = false;

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
    scope
      .run(() => sleep(wait))
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
}
