import { dateOfDue, dueFromDate } from './due-value';

describe('due values', () => {
  it('stores a picked day as that day at 17:00 local time', () => {
    const stored = dueFromDate('2030-03-04');
    const back = new Date(stored);
    expect([back.getFullYear(), back.getMonth(), back.getDate(), back.getHours()]).toEqual([2030, 2, 4, 17]);
    expect(dateOfDue(stored)).toBe('2030-03-04');
  });

  it('shows no calendar day for a duration or nothing', () => {
    expect(dateOfDue('P14D')).toBeNull();
    expect(dateOfDue(undefined)).toBeNull();
    expect(dateOfDue('not a date')).toBeNull();
  });
});
