import { chmodSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Gives other users the right to pass through (not list) every folder above `path` that withholds it, and
 * returns the folders it changed. Needed as root: Postgres then runs as the `postgres` user, which must
 * reach its binaries in node_modules and its data folder, also inside a private (0700) checkout.
 */
export function grantTraversal(path: string): string[] {
  const changed: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, (mode & 0o7777) | 0o001);
      changed.push(dir);
    }
    if (dirname(dir) === dir) return changed;
  }
}
