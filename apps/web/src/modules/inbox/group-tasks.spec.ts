import { dueGroupOf, groupByDue } from './group-tasks';

const now = new Date(2030, 0, 7, 10, 0); // a Monday, 10:00 local

describe('due groups', () => {
  it('sorts tasks into overdue, today, this week and later', () => {
    const at = (days: number, hours = 0) => new Date(2030, 0, 7 + days, 10 + hours).toISOString();
    expect(dueGroupOf(at(0, -1), now)).toBe('overdue');
    expect(dueGroupOf(at(0, 5), now)).toBe('today');
    expect(dueGroupOf(at(3), now)).toBe('week');
    expect(dueGroupOf(at(10), now)).toBe('later');
  });

  it('leaves empty groups out and puts the soonest first', () => {
    const tasks = [
      { id: 'b', dueAt: new Date(2030, 0, 20).toISOString() },
      { id: 'a', dueAt: new Date(2030, 0, 6).toISOString() },
      { id: 'c', dueAt: new Date(2030, 0, 15).toISOString() },
    ];
    expect(
      groupByDue(tasks, now).map(({ group, tasks: inGroup }) => [group, inGroup.map((t) => t.id)]),
    ).toEqual([
      ['overdue', ['a']],
      ['later', ['c', 'b']],
    ]);
  });
});
