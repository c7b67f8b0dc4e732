import type { DeliveryRow } from '@coachflow/read-models';
import { coachingInviteIcs } from './coaching-invite';
import { composeEmail } from './compose-email';
import { renderEmail } from './render-email';

const now = new Date('2026-01-10T09:00:00.000Z');
const delivery = (kind: DeliveryRow['kind'], payload: Record<string, unknown>): DeliveryRow => ({
  id: 'd',
  idempotencyKey: 'e:r:email',
  organisationId: 'o',
  eventId: 'e',
  eventType: 'EscalationRaised',
  channel: 'email',
  recipientId: 'r',
  kind,
  payload: { taskId: 'task-1', ...payload },
  status: 'pending',
  attempts: 1,
  dueAt: now,
  nextAttemptAt: now,
  lastError: null,
  createdAt: now,
  sentAt: null,
  responseCode: null,
});
const facts = {
  recipientName: 'Maria <b>',
  repName: 'Ray',
  taskKind: undefined,
  appUrl: 'https://coach.example',
  timeZone: 'Europe/Berlin',
  now,
};

describe('composeEmail', () => {
  it('names the rep, the commitment and how long it has been open, with a link to the task', () => {
    const email = composeEmail(
      delivery('escalation-raised', {
        level: 1,
        commitment: {
          title: 'Call 5 customers',
          dueAt: '2026-01-08T09:00:00.000Z',
          madeAt: '2025-12-31T09:00:00.000Z',
        },
      }),
      facts,
    );
    expect(email.subject).toBe('Escalation: Ray missed “Call 5 customers”');
    const { html, text } = renderEmail(email.element);
    expect(text).toContain('Ray’s commitment “Call 5 customers” was due Thu, 8 Jan 2026, 10:00 CET');
    expect(text).toContain('open for 10 days');
    expect(text).toContain('https://coach.example/tasks/task-1');
    expect(html).toContain('href="https://coach.example/tasks/task-1"');
    // Names are text, never markup.
    expect(html).toContain('Maria &lt;b&gt;');
  });

  it('names the task kind of an overdue task', () => {
    const email = composeEmail(delivery('task-overdue', { dueAt: now.toISOString() }), {
      ...facts,
      taskKind: 'self-assessment',
    });
    expect(email.subject).toBe('Overdue: Self-assessment (Ray)');
  });
});

describe('coachingInviteIcs', () => {
  it('invites to the hour before the session is due', () => {
    const ics = coachingInviteIcs({
      uid: 'd@coachflow',
      dueAt: '2026-01-10T10:00:00.000Z',
      summary: 'Coaching session with Ray',
      description: 'Coaching session',
      url: 'https://coach.example/tasks/t',
      organizer: { name: 'Maria', email: 'maria@example.com' },
      attendees: [{ name: 'Ray', email: 'ray@example.com' }],
    });
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('DTSTART:20260110T090000Z');
    expect(ics).toContain('DTEND:20260110T100000Z');
    expect(ics).toContain('UID:d@coachflow');
    expect(ics).toMatch(/ATTENDEE;.*mailto:ray@example.com/i);
  });
});
