import { formatDeadlineShapes, summarizeDeadlineShapes } from './deadline-shapes-report';

describe('deadline shapes report', () => {
  const bare = {
    'check-in opened': [10, 20],
    'escalation level 1': [10, 100],
    'escalation level 2': [5, 50],
  };

  it('compares each kind of deadline with bare timers of the same shape', () => {
    const rows = summarizeDeadlineShapes(
      { 'check-in opened': [12, 24], 'escalation level 1': [30, 130], 'escalation level 2': [8, 60] },
      bare,
    );
    expect(rows.map((row) => [row.kind, row.ours.p99Ms, row.bare.p99Ms, row.p99Ratio, row.met])).toEqual([
      ['check-in opened', 24, 20, 1.2, true],
      ['escalation level 1', 130, 100, 1.3, false],
      ['escalation level 2', 60, 50, 1.2, true],
    ]);
  });

  it('fails a kind that was never measured', () => {
    const rows = summarizeDeadlineShapes(
      { 'check-in opened': [12], 'escalation level 1': [30], 'escalation level 2': [] },
      bare,
    );
    expect(rows[2]?.met).toBe(false);
    expect(formatDeadlineShapes(rows)).toMatch(/escalation level 2 +0 +- +- +2 +5\.0 +50\.0 +-x +NO/);
  });
});
