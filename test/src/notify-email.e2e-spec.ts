import type {
  AuditEventView,
  CycleView,
  DeliveryView,
  HealthView,
  NotificationPreferences,
  Page,
  UserView,
} from '@coachflow/contracts';
import { type ManagedProcess, type MailCatcher, startMailCatcher } from '@coachflow/dev-stack';
import {
  type AppStack,
  completeTask,
  createOrganisationFixture,
  createPlaybookFixture,
  eventually,
  fixtureRatings,
  FIXTURE_PASSWORD,
  type OrganisationFixture,
  OutputLog,
  openTask,
  startAppStack,
  startBuiltEntry,
  startCycle,
} from '@coachflow/testing';

const APP_URL = 'https://coach.test';

/**
 * Email through the outbox, end to end: cycle events become deliveries (the outbox lane), the worker's
 * sender mails them to a real SMTP server in this process, and each sent mail is in the audit trail.
 */
describe('notifications by email', () => {
  let smtp: MailCatcher;
  let stack: AppStack;
  let org: OrganisationFixture;
  /** The worker started after the SIGKILL (the stack stops only the one it started). */
  let restarted: ManagedProcess | undefined;

  beforeAll(async () => {
    smtp = await startMailCatcher({ acceptDelayMs: 250 });
    stack = await startAppStack({
      SMTP_URL: smtp.url,
      SMTP_FROM: 'Coachflow <noreply@coach.test>',
      APP_URL,
      NOTIFY_POLL_MS: '200',
      NOTIFY_BATCH_SIZE: '4',
      NOTIFY_LEASE_SECONDS: '3',
      NOTIFY_RETRY_BASE_MS: '500',
      NOTIFY_DIGEST_CHECK_MS: '500',
    });
    org = await createOrganisationFixture(stack.baseUrl);
  });

  afterAll(async () => {
    await restarted?.stop();
    await stack?.stop();
    await smtp?.close();
  });

  const mailsTo = (email: string, subject: RegExp) =>
    smtp.mails.filter((mail) => mail.to.includes(email) && subject.test(mail.subject));
  const oneMail = (email: string, subject: RegExp) =>
    eventually(async () => {
      const found = mailsTo(email, subject);
      expect(found).toHaveLength(1);
      return found[0]!;
    }, 60_000);
  const deliveries = async (query = '') =>
    (await org.admin.api.get<Page<DeliveryView>>(`/api/deliveries?limit=200${query}`)).body.items;

  it('mails the coaching session with an invite, the commitment due to the rep, the escalation to the manager', async () => {
    const playbookId = await createPlaybookFixture(org.admin.api, {
      timings: { checkInGrace: 'PT1S', escalateAfter: 'PT60S', planLength: 'PT60S' },
      levels: ['manager'],
    });
    const { rep, manager } = org;
    const cycleId = (await startCycle(manager.api, rep.user.id, playbookId)).id;
    await completeTask(rep.api, await openTask(rep.api, cycleId, 'self-assessment'), {
      ratings: fixtureRatings(3),
    });
    await completeTask(manager.api, await openTask(manager.api, cycleId, 'manager-assessment'), {
      ratings: fixtureRatings(2),
    });
    await completeTask(manager.api, await openTask(manager.api, cycleId, 'set-priorities'), {
      focusAreas: ['discovery'],
      diagnosis: 'will',
      style: 'directing',
    });

    // The coaching session: a mail to the manager with a calendar invite.
    const sessionTask = await openTask(manager.api, cycleId, 'coaching-session');
    const session = await oneMail(manager.user.email, /^Coaching session with rep$/);
    expect(session.from).toContain('noreply@coach.test');
    expect(session.text).toContain(`${APP_URL}/tasks/${sessionTask.id}`);
    const invite = session.attachments.find((attachment) =>
      attachment.contentType.startsWith('text/calendar'),
    );
    expect(invite?.filename).toBe('invite.ics');
    expect(invite?.content).toContain('METHOD:REQUEST');
    // iCalendar folds long lines at 75 octets: unfold before reading a property.
    const unfolded = invite!.content.replace(/\r?\n /g, '');
    expect(unfolded).toMatch(new RegExp(`ATTENDEE;.*CN="rep":MAILTO:${rep.user.email}`, 'i'));
    expect(unfolded).toContain(`URL;VALUE=URI:${APP_URL}/tasks/${sessionTask.id}`);

    await completeTask(manager.api, sessionTask, {
      commitments: [{ title: 'Call five lapsed customers', due: 'PT1S' }],
    });
    await completeTask(rep.api, await openTask(rep.api, cycleId, 'acknowledge-plan'), { accepted: true });

    // Due: the rep is told on the day, with a link to the check-in.
    const checkIn = await openTask(rep.api, cycleId, 'commitment-check-in');
    const due = await oneMail(rep.user.email, /^Due today: Call five lapsed customers$/);
    expect(due.text).toContain(`${APP_URL}/tasks/${checkIn.id}`);

    // Nobody checks in: the commitment is missed and escalates to the manager, who gets a mail naming it.
    const escalationTask = await openTask(manager.api, cycleId, 'resolve-escalation');
    const escalation = await oneMail(manager.user.email, /^Escalation: rep missed/);
    expect(escalation.subject).toBe('Escalation: rep missed “Call five lapsed customers”');
    expect(escalation.text).toMatch(
      /rep’s commitment “Call five lapsed customers” was due .* open for \d+ seconds?/,
    );
    expect(escalation.text).toContain(`${APP_URL}/tasks/${escalationTask.id}`);
    expect(escalation.html).toContain(`href="${APP_URL}/tasks/${escalationTask.id}"`);
    expect(escalation.headers['x-coachflow-idempotency-key']).toMatch(
      new RegExp(`:${manager.user.id}:email$`),
    );

    // Admins see the outbox; each sent mail is a NotificationDelivered event in the audit trail.
    const sent = await eventually(async () => {
      const rows = await deliveries(`&status=sent&recipientId=${manager.user.id}`);
      expect(rows.map((row) => row.kind).sort()).toEqual(['coaching-session', 'escalation-raised']);
      return rows;
    });
    expect(sent.every((row) => row.attempts === 1 && row.channel === 'email')).toBe(true);
    // Each names its event and its recipient, so the log reads without looking ids up.
    expect(sent.map((row) => row.eventType).sort()).toEqual(['EscalationRaised', 'TaskOpened']);
    expect(new Set(sent.map((row) => row.recipientName))).toEqual(new Set([manager.user.name]));
    // A time window: everything was queued within this test, nothing after it.
    const escalationSent = sent.find((row) => row.kind === 'escalation-raised')!;
    const since = encodeURIComponent(escalationSent.createdAt);
    const after = await deliveries(`&recipientId=${manager.user.id}&since=${since}`);
    expect(after.map((row) => row.id)).toContain(escalationSent.id);
    expect(after.every((row) => row.createdAt >= escalationSent.createdAt)).toBe(true);
    const before = await deliveries(`&recipientId=${manager.user.id}&until=${since}`);
    expect(before.map((row) => row.kind)).toContain('coaching-session');
    expect(before.map((row) => row.id)).not.toContain(escalationSent.id);
    expect((await org.admin.api.get('/api/deliveries?since=yesterday')).status).toBe(400);
    expect((await manager.api.get('/api/deliveries')).status).toBe(403);
    const audit = await eventually(async () => {
      const page = await org.admin.api.get<Page<AuditEventView>>('/api/audit?limit=200');
      const delivered = page.body.items.filter((event) => event.type === 'NotificationDelivered');
      expect(delivered.map((event) => event.data['recipientId'])).toEqual(
        expect.arrayContaining([manager.user.id, rep.user.id]),
      );
      return delivered;
    });
    const escalationDelivery = sent.find((row) => row.kind === 'escalation-raised')!;
    expect(audit.find((event) => event.data['deliveryId'] === escalationDelivery.id)?.data).toMatchObject({
      recipientId: manager.user.id,
      kind: 'escalation-raised',
      messageId: escalation.messageId,
    });

    const health = (await fetch(`${stack.baseUrl}/health`).then((r) => r.json())) as HealthView;
    expect(health.outbox).toEqual({ due: expect.any(Number), oldestSeconds: expect.any(Number) });
  });

  it('sends every delivery once per id when the sender is killed with SIGKILL mid-batch', async () => {
    const playbookId = await createPlaybookFixture(org.admin.api, { timings: { prioritiseDue: 'PT1S' } });
    const reps: UserView[] = [];
    for (let i = 0; i < 8; i++) {
      const created = await org.admin.api.post<UserView>('/api/users', {
        email: `kill-${i}-${Date.now()}@fixture.test`,
        name: `Kill rep ${i}`,
        password: FIXTURE_PASSWORD,
        role: 'rep',
        managerId: org.otherManager.user.id,
      });
      expect(created.status).toBe(201);
      reps.push(created.body);
    }
    for (const rep of reps)
      expect(
        (await org.otherManager.api.post<CycleView>('/api/cycles', { repId: rep.id, playbookId })).status,
      ).toBe(201);
    const recipients = new Set([org.otherManager.user.email, ...reps.map((rep) => rep.email)]);
    const overdueMails = () =>
      smtp.mails.filter((mail) => /^Overdue:/.test(mail.subject) && mail.to.some((to) => recipients.has(to)));

    // Each cycle's two assessments go overdue: 16 mails, 4 at a time to a server slow to accept them.
    await eventually(async () => expect(overdueMails().length).toBeGreaterThanOrEqual(3), 60_000, 20);
    expect(overdueMails().length).toBeLessThan(16);
    await stack.worker.stop(0, 'SIGKILL');
    restarted = startBuiltEntry('worker', 'apps/worker/dist/main.js', stack.env, new OutputLog());

    const expected = await eventually(async () => {
      const rows = (await deliveries('&channel=email')).filter(
        (row) =>
          row.kind === 'task-overdue' &&
          [org.otherManager.user.id, ...reps.map((r) => r.id)].includes(row.recipientId),
      );
      expect(rows).toHaveLength(16);
      expect(rows.filter((row) => row.status !== 'sent')).toEqual([]);
      return rows;
    }, 90_000);
    const mails = overdueMails();
    const idsByKey = new Map<string, Set<string | undefined>>();
    for (const mail of mails) {
      const key = mail.headers['x-coachflow-idempotency-key']!;
      idsByKey.set(key, new Set([...(idsByKey.get(key) ?? []), mail.messageId]));
    }
    // Every delivery arrived; a delivery mailed twice (cut off by the kill) carries the same Message-ID.
    expect([...idsByKey.keys()].sort()).toEqual(expected.map((row) => row.idempotencyKey).sort());
    for (const [key, ids] of idsByKey)
      expect({ key, ids: [...ids] }).toEqual({ key, ids: [`<${deliveryOf(key, expected)}@coachflow>`] });
  });

  it('follows each person’s preferences: mail turned off is skipped, quiet hours hold it, the digest comes on time', async () => {
    const preferences = (user: typeof org.rep) =>
      user.api.get<NotificationPreferences>('/api/me/notification-preferences');
    const defaults = (await preferences(org.otherRep)).body;
    expect(defaults).toMatchObject({ timeZone: 'UTC', quietHours: null, digest: { day: 'monday', hour: 8 } });
    expect(defaults.email['task-due-soon']).toBe(true);
    const save = (user: typeof org.rep, changes: Partial<NotificationPreferences>) =>
      user.api.request('PUT', '/api/me/notification-preferences', { ...defaults, ...changes });
    expect((await save(org.otherRep, { timeZone: 'Mars/Olympus_Mons' })).status).toBe(400);

    // The rep turns overdue mail off; the manager is in quiet hours (the hour around now, in UTC).
    expect((await save(org.otherRep, { email: { ...defaults.email, 'task-overdue': false } })).status).toBe(
      200,
    );
    const hh = (offsetHours: number) =>
      `${String((new Date().getUTCHours() + 24 + offsetHours) % 24).padStart(2, '0')}:00`;
    const quietEnd = hh(1);
    expect((await save(org.manager, { quietHours: { start: hh(0), end: quietEnd } })).status).toBe(200);
    // The leader's digest is due this hour, on this weekday.
    const weekday = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][
      new Date().getUTCDay()
    ] as NotificationPreferences['digest']['day'];
    expect(
      (await save(org.leader, { digest: { day: weekday, hour: new Date().getUTCHours() } })).status,
    ).toBe(200);

    const playbookId = await createPlaybookFixture(org.admin.api, { timings: { prioritiseDue: 'PT1S' } });
    const before = new Date(Date.now() - 1000).toISOString();
    await startCycle(org.manager.api, org.otherRep.user.id, playbookId);
    await eventually(async () => {
      const rows = (await deliveries('&channel=email')).filter(
        (row) =>
          row.kind === 'task-overdue' &&
          [org.otherRep.user.id, org.manager.user.id].includes(row.recipientId) &&
          row.createdAt >= before,
      );
      expect(rows).toHaveLength(2);
      expect(rows.find((row) => row.recipientId === org.otherRep.user.id)).toMatchObject({
        status: 'skipped',
        lastError: 'the recipient turned these mails off',
      });
      // Held until the quiet hours end.
      const held = rows.find((row) => row.recipientId === org.manager.user.id)!;
      expect(held.status).toBe('pending');
      expect(new Date(held.nextAttemptAt).getUTCHours()).toBe(Number(quietEnd.slice(0, 2)));
    }, 30_000);
    expect(mailsTo(org.otherRep.user.email, /^Overdue:/)).toEqual([]);

    const digest = await oneMail(org.leader.user.email, /^Your coaching week:/);
    expect(digest.text).toContain('Open escalations');
  });
});

function deliveryOf(key: string, rows: DeliveryView[]): string | undefined {
  return rows.find((row) => row.idempotencyKey === key)?.id;
}
