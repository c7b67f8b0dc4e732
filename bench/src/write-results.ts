import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes `result` as `<dir>/<name>-<ISO timestamp>.json` and returns the path. The timestamp's `:` and `.`
 * become `-` so the name is valid on every file system.
 */
export function writeResults(dir: string, name: string, result: unknown, at: Date = new Date()): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${at.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
