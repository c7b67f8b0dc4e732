import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workspaceRoot } from './workspace-root';

const run = promisify(execFile);

/**
 * Path of a Temporal CLI, found or built by tools/ensure-temporal-cli.sh (which prints its progress on
 * stderr, passed through here because a first build takes minutes).
 */
export async function ensureTemporalCli(): Promise<string> {
  const script = join(workspaceRoot(), 'tools', 'ensure-temporal-cli.sh');
  const child = run('bash', [script], { maxBuffer: 1024 * 1024 });
  child.child.stderr?.pipe(process.stderr);
  const { stdout } = await child;
  const path = stdout.trim().split('\n').pop();
  if (!path) throw new Error('tools/ensure-temporal-cli.sh printed no path');
  return path;
}
