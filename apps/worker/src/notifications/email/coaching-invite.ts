import ical, { ICalCalendarMethod } from 'ical-generator';

export interface CoachingInvite {
  /** Stable across retries, so a calendar updates one event instead of adding another. */
  uid: string;
  /** The session is due by this time; the invite holds the hour before it. */
  dueAt: string;
  summary: string;
  description: string;
  url: string;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
}

const SESSION_MS = 60 * 60_000;

/** The calendar invite (text/calendar, METHOD:REQUEST) a coaching session's mail carries. */
export function coachingInviteIcs(invite: CoachingInvite): string {
  const end = new Date(invite.dueAt);
  const calendar = ical({ name: 'Coachflow', method: ICalCalendarMethod.REQUEST });
  calendar.createEvent({
    id: invite.uid,
    start: new Date(end.getTime() - SESSION_MS),
    end,
    summary: invite.summary,
    description: invite.description,
    url: invite.url,
    organizer: invite.organizer,
    attendees: invite.attendees.map((attendee) => ({ ...attendee, rsvp: true })),
  });
  return calendar.toString();
}
