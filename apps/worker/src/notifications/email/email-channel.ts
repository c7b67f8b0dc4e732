import { EMAIL_KINDS, type EmailKind } from '@coachflow/contracts';
import { quietUntil } from '@coachflow/domain';
import {
  type DeliveryRow,
  digestTasksOf,
  type PersonToNotify,
  peopleToNotify,
  type TaskRow,
  tasksByIds,
} from '@coachflow/read-models';
import { createTransport, type Transporter } from 'nodemailer';
import type { Pool } from 'pg';
import type { ChannelResult, DeliveryChannel } from '../channel';
import { coachingInviteIcs } from './coaching-invite';
import { composeEmail, taskName } from './compose-email';
import { renderEmail } from './render-email';

/** What a batch's mails need, read once for the whole batch. */
interface BatchLookups {
  people: Map<string, PersonToNotify>;
  tasks: Map<string, TaskRow>;
}

const CHOSEN_KINDS: readonly string[] = EMAIL_KINDS;

export interface EmailChannelOptions {
  smtpUrl: string;
  from: string;
  appUrl: string;
}

/** Kinds about an open task: once the task is done (or handed to someone else) there is nothing to say. */
const ABOUT_AN_OPEN_TASK = new Set(['task-due-soon', 'task-overdue', 'commitment-due']);

/**
 * Mails a delivery over SMTP (nodemailer, pooled). Names and addresses are read at send time, so a mail
 * goes to the address a person has now. The Message-ID is derived from the delivery id: a retry after a
 * crash sends the same message again, which a mail system (or the reader) recognises as a repeat.
 */
export class EmailChannel implements DeliveryChannel {
  readonly name = 'email';
  private readonly transport: Transporter;

  constructor(
    private readonly pool: Pool,
    private readonly options: EmailChannelOptions,
  ) {
    this.transport = createTransport(options.smtpUrl, { pool: true, maxConnections: 5 } as never);
  }

  async sendAll(
    deliveries: readonly DeliveryRow[],
    now: Date,
  ): Promise<PromiseSettledResult<ChannelResult>[]> {
    const lookups = await this.lookups(deliveries);
    return Promise.allSettled(deliveries.map((delivery) => this.send(delivery, lookups, now)));
  }

  /** The batch's recipients and reps (with their preferences) and tasks: one query each. */
  private async lookups(deliveries: readonly DeliveryRow[]): Promise<BatchLookups> {
    const taskIds = deliveries.map(taskIdOf).filter((id): id is string => id !== undefined);
    const [people, tasks] = await Promise.all([
      peopleToNotify(
        this.pool,
        deliveries.flatMap((delivery) => [delivery.recipientId, repIdOf(delivery)]),
      ),
      tasksByIds(this.pool, taskIds),
    ]);
    return { people, tasks };
  }

  private async send(delivery: DeliveryRow, lookups: BatchLookups, now: Date): Promise<ChannelResult> {
    const recipient = lookups.people.get(delivery.recipientId);
    if (!recipient?.active) return { outcome: 'skipped', reason: 'the recipient is not an active user' };
    const preferences = recipient.preferences;
    if (CHOSEN_KINDS.includes(delivery.kind) && !preferences.email[delivery.kind as EmailKind])
      return { outcome: 'skipped', reason: 'the recipient turned these mails off' };
    const quietEnds = quietUntil(preferences, now);
    if (quietEnds) return { outcome: 'postponed', until: quietEnds };
    const taskId = delivery.payload['taskId'];
    const found = lookups.tasks.get(taskIdOf(delivery) ?? '');
    // Another organisation's task is as absent as a missing one.
    const task = found?.organisationId === delivery.organisationId ? found : undefined;
    if (
      ABOUT_AN_OPEN_TASK.has(delivery.kind) &&
      task &&
      (task.status !== 'open' || task.assigneeId !== recipient.id)
    )
      return { outcome: 'skipped', reason: 'the task is no longer open for the recipient' };

    const rep = lookups.people.get(repIdOf(delivery));
    const repName = rep?.name ?? 'your rep';
    const taskKind = task?.kind ?? (delivery.payload['taskKind'] as string | undefined);
    const digestTasks =
      delivery.kind === 'weekly-digest'
        ? await digestTasksOf(this.pool, {
            organisationId: delivery.organisationId,
            userId: recipient.id,
            limit: 30,
          })
        : undefined;
    const composed = composeEmail(delivery, {
      ...(digestTasks ? { digestTasks } : {}),
      recipientName: recipient.name,
      repName,
      taskKind,
      appUrl: this.options.appUrl,
      timeZone: preferences.timeZone,
      now,
    });
    const { html, text } = renderEmail(composed.element);
    const messageId = `<${delivery.id}@coachflow>`;
    const taskUrl = `${this.options.appUrl}/tasks/${String(taskId)}`;
    const attachments =
      delivery.kind === 'coaching-session'
        ? [
            {
              filename: 'invite.ics',
              contentType: 'text/calendar; method=REQUEST; charset=utf-8',
              content: coachingInviteIcs({
                uid: `${delivery.id}@coachflow`,
                dueAt: String(delivery.payload['dueAt']),
                summary: `${taskName('coaching-session')} with ${repName}`,
                description: `Coaching session in Coachflow: ${taskUrl}`,
                url: taskUrl,
                organizer: { name: recipient.name, email: recipient.email },
                attendees: rep && rep.id !== recipient.id ? [{ name: rep.name, email: rep.email }] : [],
              }),
            },
          ]
        : [];
    const info = await this.transport.sendMail({
      from: this.options.from,
      to: { name: recipient.name, address: recipient.email },
      subject: composed.subject,
      html,
      text,
      messageId,
      headers: { 'X-Coachflow-Idempotency-Key': delivery.idempotencyKey },
      attachments,
    });
    const code = /^(\d{3})/.exec(String(info.response ?? ''))?.[1];
    return { outcome: 'sent', messageId, ...(code ? { responseCode: Number(code) } : {}) };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The task a delivery is about, when its payload names one by a well-formed id. */
function taskIdOf(delivery: DeliveryRow): string | undefined {
  const taskId = delivery.payload['taskId'];
  return typeof taskId === 'string' && UUID.test(taskId) ? taskId : undefined;
}

/** The rep a delivery concerns (the recipient when it names none). */
function repIdOf(delivery: DeliveryRow): string {
  return String(delivery.payload['repId'] ?? delivery.recipientId);
}
