import { randomUUID } from 'node:crypto';
import type { CycleEventView, CycleView } from '@coachflow/contracts';
import { type MailCatcher, startMailCatcher } from '@coachflow/dev-stack';
import { enqueueDelivery } from '@coachflow/read-models';
import {
  addRep,
  completeTask,
  createOrganisationFixture,
  createPlaybookFixture,
  fixtureRatings,
  type FixtureUser,
  type OrganisationFixture,
  openTask,
} from '@coachflow/testing';
import { createTransport } from 'nodemailer';
import { Pool } from 'pg';
import { type BenchRun, benchEnvironment } from './bench-run';
import { envCount } from './bench-scale';
import { withBenchDatabase } from './bench-database';
import { type LatencySummary, type Rate, rate, summarizeLatencies } from './cycle-report';
import { startCycleStack } from './cycle-stack';

export interface NotifyBenchmarkOptions {
  env: NodeJS.ProcessEnv;
  scale: number;
  say: (line: string) => void;
}

export interface NotifyBenchmarkResult extends BenchRun {
  /**
   * The sender's settings in this run: production defaults unless NOTIFY_BATCH_SIZE or
   * NOTIFY_BATCHES_IN_FLIGHT say otherwise (woken by NOTIFY; the poll is its fallback).
   */
  sender: { pollMs: number; batchSize: number; batchesInFlight: number };
  /** EscalationRaised recorded -> its mail accepted by the SMTP server. */
  escalationToMail: LatencySummary;
  /** Deliveries through the outbox (sender in the worker) against bare nodemailer sends, same server. */
  outbox: Rate;
  bareNodemailer: Rate;
  /** outbox / bare: the target is at least 0.7. */
  ratio: number;
}

/** The bare sends' group matches the sender's default batch (NOTIFY_BATCH_SIZE) and nodemailer pool (5). */
const BATCH_SIZE = 20;
const BATCHES_IN_FLIGHT = 2;
const POOL_CONNECTIONS = 5;
const POLL_MS = 1000;
const WALK_CONCURRENCY = 4;
const BODY = `<p>${'Coaching digest line. '.repeat(150)}</p>`;

/**
 * `npm run bench -- notify`: how fast an escalation reaches a mailbox, and what the outbox costs against
 * sending mail directly. One stack (worker with the sender, API, dev server) mails a real SMTP server in
 * this process. (1) Cycles are walked until a missed commitment escalates; each escalation's latency is
 * from its event's recorded time to the mail's acceptance. (2) N deliveries are queued at once and timed
 * until all are sent; then N bare nodemailer sends (pooled, 20 at a time) go to the same server.
 */
export async function notifyBenchmark(options: NotifyBenchmarkOptions): Promise<NotifyBenchmarkResult> {
  const { say, scale } = options;
  const escalations = Math.max(4, Math.round(12 * scale));
  const deliveries = Math.max(100, Math.round(600 * scale));
  const sender = {
    pollMs: POLL_MS,
    batchSize: envCount(options.env, 'NOTIFY_BATCH_SIZE', BATCH_SIZE),
    batchesInFlight: envCount(options.env, 'NOTIFY_BATCHES_IN_FLIGHT', BATCHES_IN_FLIGHT),
  };
  return withBenchDatabase(options.env, say, async (database) => {
    const smtp = await startMailCatcher();
    const stack = await startCycleStack(database.url, say, {
      SMTP_URL: smtp.url,
      APP_URL: 'https://coach.bench',
      NOTIFY_POLL_MS: String(sender.pollMs),
      NOTIFY_BATCH_SIZE: String(sender.batchSize),
      NOTIFY_BATCHES_IN_FLIGHT: String(sender.batchesInFlight),
    });
    const pool = new Pool({ connectionString: database.url, max: 4 });
    try {
      const org = await createOrganisationFixture(stack.baseUrl);
      say(`walking ${escalations} cycles to an escalation`);
      const escalationToMail = await measureEscalations(org, escalations, smtp, say);
      say(`queueing ${deliveries} deliveries through the outbox`);
      const outbox = await measureOutbox(pool, org, deliveries, smtp);
      say(`sending ${deliveries} mails with bare nodemailer`);
      const bareNodemailer = await measureBare(smtp, deliveries);
      return {
        startedAt: new Date().toISOString(),
        scale,
        ...benchEnvironment(database),
        sender,
        escalationToMail,
        outbox,
        bareNodemailer,
        ratio: outbox.perSecond / bareNodemailer.perSecond,
      };
    } finally {
      await pool.end();
      await stack.stop();
      await smtp.close();
    }
  });
}

async function measureEscalations(
  org: OrganisationFixture,
  count: number,
  smtp: MailCatcher,
  say: (line: string) => void,
): Promise<LatencySummary> {
  const playbookId = await createPlaybookFixture(org.admin.api, {
    timings: { checkInGrace: 'PT1S', escalateAfter: 'PT1H', planLength: 'PT1H' },
    levels: ['manager'],
  });
  const reps: FixtureUser[] = [];
  for (let i = 0; i < count; i++) reps.push(await addRep(org, `bench-rep-${i}`));
  const samples: number[] = [];
  let next = 0;
  const walker = async () => {
    for (let i = next++; i < count; i = next++) {
      const rep = reps[i]!;
      const cycleId = await walkToEscalation(org, rep, playbookId);
      const escalation = await waitFor(async () => {
        const events = await org.manager.api.get<{ items: CycleEventView[] }>(
          `/api/cycles/${cycleId}/events`,
        );
        return events.body.items.find((event) => event.type === 'EscalationRaised');
      }, 60_000);
      const mail = await waitFor(
        async () =>
          smtp.mails.find((candidate) => candidate.subject.startsWith(`Escalation: ${rep.user.name} missed`)),
        60_000,
      );
      samples.push(Date.parse(mail.receivedAt) - Date.parse(escalation.recordedAt));
      say(`escalation ${samples.length}/${count}: ${samples[samples.length - 1]} ms`);
    }
  };
  await Promise.all(Array.from({ length: WALK_CONCURRENCY }, walker));
  return summarizeLatencies(samples);
}

async function walkToEscalation(
  org: OrganisationFixture,
  rep: FixtureUser,
  playbookId: string,
): Promise<string> {
  const manager = org.manager.api;
  const started = await manager.post<CycleView>('/api/cycles', { repId: rep.user.id, playbookId });
  if (started.status !== 201) throw new Error(`starting a cycle: ${started.status}`);
  const cycleId = started.body.id;
  await completeTask(rep.api, await openTask(rep.api, cycleId, 'self-assessment'), {
    ratings: fixtureRatings(3),
  });
  await completeTask(manager, await openTask(manager, cycleId, 'manager-assessment'), {
    ratings: fixtureRatings(2),
  });
  await completeTask(manager, await openTask(manager, cycleId, 'set-priorities'), {
    focusAreas: ['discovery'],
    diagnosis: 'will',
    style: 'directing',
  });
  await completeTask(manager, await openTask(manager, cycleId, 'coaching-session'), {
    commitments: [{ title: 'Bench commitment', due: 'PT1S' }],
  });
  await completeTask(rep.api, await openTask(rep.api, cycleId, 'acknowledge-plan'), { accepted: true });
  return cycleId;
}

async function measureOutbox(
  pool: Pool,
  org: OrganisationFixture,
  count: number,
  smtp: MailCatcher,
): Promise<Rate> {
  const recipients = [org.manager, org.leader, org.rep, org.otherRep, org.otherManager].map(
    (user) => user.user.id,
  );
  const before = smtp.mails.length;
  const client = await pool.connect();
  const tag = randomUUID();
  try {
    await client.query('BEGIN');
    for (let i = 0; i < count; i++)
      await enqueueDelivery(client, {
        eventId: `bench-${tag}-${i}`,
        eventType: 'TaskOverdue',
        organisationId: org.organisationId,
        channel: 'email',
        recipientId: recipients[i % recipients.length]!,
        kind: 'task-overdue',
        notBefore: new Date().toISOString(),
        payload: { taskId: randomUUID(), dueAt: new Date().toISOString(), repId: org.rep.user.id },
      });
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  const start = performance.now();
  await waitFor(
    async () => {
      const { rows } = await pool.query<{ left: string }>(
        `SELECT count(*) AS left FROM notification_deliveries WHERE event_id LIKE $1 AND status <> 'sent'`,
        [`bench-${tag}-%`],
      );
      return Number(rows[0]?.left) === 0 ? true : undefined;
    },
    600_000,
    20,
  );
  const wallMs = performance.now() - start;
  if (smtp.mails.length - before < count)
    throw new Error('the SMTP server received fewer mails than were sent');
  return rate(count, wallMs);
}

async function measureBare(smtp: MailCatcher, count: number): Promise<Rate> {
  const transport = createTransport(smtp.url, { pool: true, maxConnections: POOL_CONNECTIONS } as never);
  try {
    const start = performance.now();
    for (let sent = 0; sent < count; sent += BATCH_SIZE)
      await Promise.all(
        Array.from({ length: Math.min(BATCH_SIZE, count - sent) }, (_, i) =>
          transport.sendMail({
            from: 'Coachflow <coachflow@localhost>',
            to: `bench-${sent + i}@fixture.test`,
            subject: `Bare mail ${sent + i}`,
            html: BODY,
            text: BODY.replace(/<[^>]+>/g, ''),
          }),
        ),
      );
    return rate(count, performance.now() - start);
  } finally {
    transport.close();
  }
}

async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
