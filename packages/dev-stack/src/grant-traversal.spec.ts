import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { grantTraversal } from './grant-traversal';

describe('grantTraversal', () => {
  it('adds only the pass-through bit to folders that lack it, and names them', () => {
    const root = mkdtempSync(join(tmpdir(), 'traverse-')); // 0700, as mktemp makes it
    const inner = join(root, 'a', 'b');
    mkdirSync(inner, { recursive: true, mode: 0o750 });
    chmodSync(join(root, 'a'), 0o750);
    try {
      const changed = grantTraversal(inner);
      expect(changed).toEqual(expect.arrayContaining([inner, join(root, 'a'), root]));
      expect(statSync(root).mode & 0o777).toBe(0o701);
      expect(statSync(join(root, 'a')).mode & 0o777).toBe(0o751);
      expect(grantTraversal(inner)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
