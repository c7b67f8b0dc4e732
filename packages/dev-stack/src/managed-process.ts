import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ManagedProcessOptions {
  /** Short name that prefixes each output line, e.g. `api`. */
  name: string;
  command: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Where output lines go; defaults to this process's stdout. */
  output?: (line: string) => void;
  /** Drop output once stop() was called (servers that log every closed connection while shutting down). */
  quietWhileStopping?: boolean;
}

const RECENT_LINES = 20;

/** A child process whose output is prefixed with its name and which can be stopped and awaited. */
export class ManagedProcess {
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private readonly lineListeners = new Set<(line: string) => void>();
  private readonly lastLines: string[] = [];
  private stopping = false;

  constructor(readonly options: ManagedProcessOptions) {
    const output = options.output ?? ((line: string) => process.stdout.write(`${line}\n`));
    // detached: Ctrl-C in a terminal must reach the launcher only, which then stops children in order.
    this.child = spawn(options.command, options.args ?? [], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        if (!(this.stopping && options.quietWhileStopping)) output(`[${options.name}] ${line}`);
        this.lastLines.push(line);
        if (this.lastLines.length > RECENT_LINES) this.lastLines.shift();
        for (const listener of this.lineListeners) listener(line);
      });
    }
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => resolve(code ?? (signal ? null : 0)));
      this.child.once('error', (error) => {
        output(`[${options.name}] failed to start: ${error.message}`);
        resolve(null);
      });
    });
  }

  /** Kills the process and its children at once (last resort, e.g. when the parent is exiting). */
  killGroup(): void {
    if (!this.running || !this.child.pid) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Its last output lines, whatever `output` did with them: why it exited, when it did. */
  get recentOutput(): string[] {
    return [...this.lastLines];
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the first output line matching `pattern`; rejects if the process exits or time runs out. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const done = (error: Error | null, line?: string) => {
        clearTimeout(timer);
        this.lineListeners.delete(listener);
        if (error) reject(error);
        else resolve(line ?? '');
      };
      const listener = (line: string) => {
        if (pattern.test(line)) done(null, line);
      };
      const timer = setTimeout(
        () => done(new Error(`${this.options.name} did not print ${pattern} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.lineListeners.add(listener);
      void this.exited.then((code) =>
        done(new Error(`${this.options.name} exited (code ${code}) before printing ${pattern}`)),
      );
    });
  }

  /** Sends `signal` (SIGTERM by default), then SIGKILL after the grace period; resolves once it exited. */
  async stop(graceMs = 10_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
