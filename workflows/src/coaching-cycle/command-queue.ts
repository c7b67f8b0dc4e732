import type { CycleCommand } from '@coachflow/domain';

interface Queued {
  command: CycleCommand;
  settle: (error: unknown, result?: unknown) => void;
}

/**
 * Commands accepted by the update handlers, waiting for the main loop, which decides them one at a time:
 * each is decided against everything decided before it. An update resolves when its command is settled.
 */
export class CommandQueue {
  private readonly waiting: Queued[] = [];
  private current: Queued | null = null;

  /** Queues `command`; the promise settles with what deciding it returned. Creates no async step. */
  submit<Result>(command: CycleCommand): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({
        command,
        settle: (error, result) => (error ? reject(error) : resolve(result as Result)),
      });
    });
  }

  get empty(): boolean {
    return this.waiting.length === 0;
  }

  /** The command being decided and those waiting: what the validators weigh a new update against. */
  pending(): CycleCommand[] {
    return [...(this.current ? [this.current.command] : []), ...this.waiting.map((item) => item.command)];
  }

  /** Takes the next command as the one in flight (null when none waits). */
  take(): Queued | null {
    this.current = this.waiting.shift() ?? null;
    return this.current;
  }

  /** The command in flight is settled. */
  done(): void {
    this.current = null;
  }

  /** Refuses every waiting command with `error` (the cycle ended before they were decided). */
  refuseAll(error: unknown): void {
    for (const item of this.waiting.splice(0)) item.settle(error);
  }
}
