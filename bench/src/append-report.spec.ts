import type { AppendScenarioResult } from './append.bench';
import { formatAppendReport } from './append-report';
import type { RunSummary } from './summarize-run';

const summary = (appendsPerSec: number): RunSummary => ({
  appends: 4_800,
  events: 4_800,
  wallMs: 1_000,
  appendsPerSec,
  eventsPerSec: appendsPerSec,
  p50Ms: 3.25,
  p99Ms: 12.5,
});

describe('formatAppendReport', () => {
  it('prints a row per side with our ratios and the target verdicts', () => {
    const result: AppendScenarioResult = {
      scenario: { writers: 16, eventsPerAppend: 1, appendsPerWriter: 300 },
      sides: { coachflow: summary(3_000), 'raw-pg': summary(4_000), emmett: summary(2_000) },
      ratios: { coachflowToRawPg: 0.75, coachflowToEmmett: 1.5 },
    };
    const lines = formatAppendReport([result]).split('\n');
    expect(lines[0]).toMatch(/^writers\s+events\/append\s+side\s+appends\s+appends\/s/);
    expect(lines[2]).toMatch(
      /^\s*16\s+1\s+coachflow\s+4800\s+3000\s+3000\s+3\.25\s+12\.50\s+0\.75x\s+1\.50x$/,
    );
    expect(lines[3]).toMatch(/raw-pg\s+4800\s+4000\s+4000\s+3\.25\s+12\.50$/);
    expect(lines).toContain('  16 writers, 1 event(s)/append: ours/raw 0.75x (met), ours/emmett 1.50x (met)');
  });
});
