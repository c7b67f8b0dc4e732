import type { ManagedProcess } from '@coachflow/dev-stack';

/** The processes the launcher started, stopped in reverse order: API, worker, then what they depend on. */
export class Stack {
  private readonly processes: ManagedProcess[] = [];
  private stopping: Promise<void> | undefined;

  add(process: ManagedProcess): ManagedProcess {
    this.processes.push(process);
    return process;
  }

  /** Last resort when the launcher exits without a clean stop (a crash): leave no orphan behind. */
  killAll(): void {
    for (const process of this.processes) process.killGroup();
  }

  /** Resolves with the first process that exits on its own. */
  firstExit(): Promise<ManagedProcess> {
    return Promise.race(this.processes.map((process) => process.exited.then(() => process)));
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const process of [...this.processes].reverse()) await process.stop();
    })();
    return this.stopping;
  }
}
