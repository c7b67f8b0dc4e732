import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { writeResults } from './write-results';

describe('writeResults', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes pretty JSON named after the benchmark and the time, creating the folder', () => {
    const file = writeResults(
      join(dir, 'nested'),
      'event-store',
      { ok: 1 },
      new Date('2025-03-04T05:06:07.089Z'),
    );
    expect(basename(file)).toBe('event-store-2025-03-04T05-06-07-089Z.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ok: 1 });
  });
});
