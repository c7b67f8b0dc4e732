import { formatDeadlineShapes, summarizeDeadlineShapes } from './deadline-shapes-report';

describe('deadline shapes report', () => {
  const bare = {
    'check-in opened': [10, 20],
    'escalation level 1': [10, 100],
    'escalation level 2': [5, 50],
  };

  it('judges each kind of deadline on its decided lateness against bare timers of the same shape', () => {
    const rows = summarizeDeadlineShapes(
      {
        decided: {
          'check-in opened': [12, 24],
          'escalation level 1': [30, 130],
          'escalation level 2': [8, 60],
        },
        stored: {
          'check-in opened': [30, 50],
          'escalation level 1': [50, 110],
          'escalation level 2': [9, 40],
        },
      },
      bare,
    );
    expect(
      rows.map((row) => [
        row.kind,
        row.decided.lateness.p99Ms,
        row.bare.p99Ms,
        row.decided.p99Ratio,
        row.met,
      ]),
    ).toEqual([
      ['check-in opened', 24, 20, 1.2, true],
      ['escalation level 1', 130, 100, 1.3, false],
      ['escalation level 2', 60, 50, 1.2, true],
    ]);
    // Stored lateness is reported beside, with its own ratio, but does not decide the target.
    expect(rows.map((row) => [row.stored.lateness.p99Ms, row.stored.p99Ratio])).toEqual([
      [50, 2.5],
      [110, 1.1],
      [40, 0.8],
    ]);
  });

  it('prints the decided and the stored line of each kind, judging only the decided one', () => {
    const rows = summarizeDeadlineShapes(
      {
        decided: { 'check-in opened': [12], 'escalation level 1': [30], 'escalation level 2': [] },
        stored: { 'check-in opened': [40], 'escalation level 1': [35], 'escalation level 2': [] },
      },
      bare,
    );
    const text = formatDeadlineShapes(rows);
    expect(text).toMatch(/check-in opened +decided +1 +12\.0 +12\.0 +2 +10\.0 +20\.0 +0\.60x +yes/);
    expect(text).toMatch(/check-in opened +stored +1 +40\.0 +40\.0 +2 +10\.0 +20\.0 +2\.00x +\(info\)/);
  });

  it('fails a kind that was never measured', () => {
    const rows = summarizeDeadlineShapes(
      {
        decided: { 'check-in opened': [12], 'escalation level 1': [30], 'escalation level 2': [] },
        stored: { 'check-in opened': [40], 'escalation level 1': [35], 'escalation level 2': [] },
      },
      bare,
    );
    expect(rows[2]?.met).toBe(false);
    expect(formatDeadlineShapes(rows)).toMatch(
      /escalation level 2 +decided +0 +- +- +2 +5\.0 +50\.0 +-x +NO/,
    );
  });
});
