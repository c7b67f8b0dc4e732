import { lastDigestAt } from '@coachflow/domain';
import { digestRecipients, enqueueDelivery } from '@coachflow/read-models';
import type { Pool } from 'pg';

/** A digest slot missed by longer than this (the worker was down) is skipped, not sent late. */
const CATCH_UP_MS = 60 * 60_000;

/**
 * Queues each person's weekly digest when its time comes (their weekday and hour, in their zone). It runs
 * every few minutes in every worker; the delivery's key (person and slot) makes a second queueing of the
 * same digest, by a later tick or another worker, add nothing.
 */
export async function queueDueDigests(pool: Pool, now: Date): Promise<number> {
  let queued = 0;
  for (const recipient of await digestRecipients(pool)) {
    if (!recipient.preferences.email['weekly-digest']) continue;
    const slot = lastDigestAt(recipient.preferences, now);
    if (now.getTime() - slot.getTime() > CATCH_UP_MS) continue;
    await enqueueDelivery(pool, {
      eventId: `weekly-digest:${recipient.id}:${slot.toISOString()}`,
      eventType: 'WeeklyDigest',
      organisationId: recipient.organisationId,
      channel: 'email',
      recipientId: recipient.id,
      kind: 'weekly-digest',
      notBefore: slot.toISOString(),
      payload: { slot: slot.toISOString() },
    });
    queued += 1;
  }
  return queued;
}
