import {
  defaultNotificationPreferences,
  lastDigestAt,
  nextDigestAt,
  quietUntil,
} from './notification-schedule';

const berlin = {
  ...defaultNotificationPreferences('manager'),
  timeZone: 'Europe/Berlin',
  quietHours: { start: '20:00', end: '07:00' },
};
const at = (iso: string) => new Date(iso);

describe('quiet hours', () => {
  it('hold mail from the evening until the morning, in the person’s zone, across midnight', () => {
    // 20:00-07:00 Berlin (UTC+1 in January).
    expect(quietUntil(berlin, at('2026-01-14T18:59:00Z'))).toBeUndefined();
    expect(quietUntil(berlin, at('2026-01-14T19:00:00Z'))).toEqual(at('2026-01-15T06:00:00Z'));
    expect(quietUntil(berlin, at('2026-01-14T23:30:00Z'))).toEqual(at('2026-01-15T06:00:00Z'));
    expect(quietUntil(berlin, at('2026-01-15T05:59:00Z'))).toEqual(at('2026-01-15T06:00:00Z'));
    expect(quietUntil(berlin, at('2026-01-15T06:00:00Z'))).toBeUndefined();
  });

  it('end at the local hour across a clock change', () => {
    // Night of 28-29 March 2026: Berlin moves from UTC+1 to UTC+2; 07:00 local is then 05:00 UTC.
    expect(quietUntil(berlin, at('2026-03-28T22:00:00Z'))).toEqual(at('2026-03-29T05:00:00Z'));
  });

  it('within one day, and none when unset or empty', () => {
    const lunch = { ...berlin, quietHours: { start: '12:00', end: '13:30' } };
    expect(quietUntil(lunch, at('2026-01-14T11:15:00Z'))).toEqual(at('2026-01-14T12:30:00Z'));
    expect(quietUntil(lunch, at('2026-01-14T12:30:00Z'))).toBeUndefined();
    expect(quietUntil({ ...berlin, quietHours: null }, at('2026-01-14T23:00:00Z'))).toBeUndefined();
    expect(
      quietUntil({ ...berlin, quietHours: { start: '09:00', end: '09:00' } }, at('2026-01-14T08:00:00Z')),
    ).toBeUndefined();
  });
});

describe('digest schedule', () => {
  it('falls on the chosen weekday and hour in the person’s zone', () => {
    // Wednesday 14 January 2026, 10:00 UTC: the last Monday 08:00 Berlin was the 12th at 07:00 UTC.
    expect(lastDigestAt(berlin, at('2026-01-14T10:00:00Z'))).toEqual(at('2026-01-12T07:00:00Z'));
    expect(nextDigestAt(berlin, at('2026-01-14T10:00:00Z'))).toEqual(at('2026-01-19T07:00:00Z'));
    // On the minute it is due, it is the last one, and the next is a week on.
    expect(lastDigestAt(berlin, at('2026-01-19T07:00:00Z'))).toEqual(at('2026-01-19T07:00:00Z'));
    expect(nextDigestAt(berlin, at('2026-01-19T07:00:00Z'))).toEqual(at('2026-01-26T07:00:00Z'));
    // A minute before, last week's.
    expect(lastDigestAt(berlin, at('2026-01-19T06:59:00Z'))).toEqual(at('2026-01-12T07:00:00Z'));
  });

  it('keeps the local hour across a clock change', () => {
    // Monday 30 March 2026 08:00 Berlin is 06:00 UTC (summer time since the 29th).
    expect(nextDigestAt(berlin, at('2026-03-25T12:00:00Z'))).toEqual(at('2026-03-30T06:00:00Z'));
    const sunday = { ...berlin, timeZone: 'America/New_York', digest: { day: 'sunday' as const, hour: 18 } };
    expect(nextDigestAt(sunday, at('2026-01-14T10:00:00Z'))).toEqual(at('2026-01-18T23:00:00Z'));
  });

  it('defaults by role: reps and managers get reminders and the digest, admins neither', () => {
    expect(defaultNotificationPreferences('rep').email).toMatchObject({
      'task-due-soon': true,
      'weekly-digest': true,
    });
    expect(defaultNotificationPreferences('admin').email).toMatchObject({
      'escalation-raised': true,
      'task-due-soon': false,
      'weekly-digest': false,
    });
  });
});
