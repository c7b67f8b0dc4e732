import type { EventStore } from '@coachflow/event-store';
import {
  type AttemptOutcome,
  claimDueDeliveries,
  type DeliveryRow,
  postponeDelivery,
  recordAttempt,
  recordAttempts,
} from '@coachflow/read-models';
import type { Pool } from 'pg';
import { v5 as uuidV5 } from 'uuid';
import { type Backoff, retryAt } from './backoff';
import type { DeliveryChannel } from './channel';

export interface DeliverySenderOptions {
  batchSize: number;
  leaseSeconds: number;
  pollMs: number;
  backoff: Backoff;
  onError?: (error: unknown) => void;
}

// Namespace of NotificationDelivered event ids (random, fixed forever): one event per delivery, however
// often a crash makes the sender send it again.
const DELIVERED_NAMESPACE = 'b7c0e5a2-4d1f-4f6b-8e3a-9a2c7d5e1f04';
const MAX_ERROR_LENGTH = 500;

/**
 * Drains the outbox: leases due deliveries (several senders may run; SKIP LOCKED keeps them apart), sends
 * each through its channel, records the attempt, and marks a delivery sent once, after appending
 * NotificationDelivered to the organisation's audit stream ("was Lee told?"). A failure is retried with
 * exponential backoff until the backoff's window ends, then the delivery fails.
 */
export class DeliverySender {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly stopHooks: (() => void)[] = [];

  constructor(
    private readonly pool: Pool,
    private readonly eventStore: EventStore,
    private readonly channels: DeliveryChannel[],
    private readonly options: DeliverySenderOptions,
  ) {}

  start(): void {
    if (this.running || this.channels.length === 0) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Runs `hook` when the sender stops (timers that feed the outbox). */
  onStop(hook: () => void): void {
    this.stopHooks.push(hook);
  }

  async stop(): Promise<void> {
    for (const hook of this.stopHooks) hook();
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.all(this.channels.map((channel) => channel.close()));
  }

  /** Claims and sends one batch; answers how many deliveries it handled (tests and the bench drive it). */
  async sendBatch(): Promise<number> {
    const claimed = await claimDueDeliveries(this.pool, {
      limit: this.options.batchSize,
      leaseSeconds: this.options.leaseSeconds,
      channels: this.channels.map((channel) => channel.name),
    });
    const sent = (await Promise.all(claimed.map((delivery) => this.deliver(delivery)))).filter(
      (result): result is Sent => result !== undefined,
    );
    // The batch's audit events in one append per organisation, then its sent marks in one transaction:
    // per delivery, both would queue every sender on the same audit stream and on commits.
    const byOrganisation = new Map<string, Sent[]>();
    for (const result of sent)
      byOrganisation.set(result.delivery.organisationId, [
        ...(byOrganisation.get(result.delivery.organisationId) ?? []),
        result,
      ]);
    for (const batch of byOrganisation.values()) await this.recordDelivered(batch);
    await recordAttempts(
      this.pool,
      sent.map((result) => result.attempt),
    );
    return claimed.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.sendBatch();
      } catch (error) {
        this.options.onError?.(error);
      }
      if (handled === 0 && this.running)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
    }
  }

  /** Sends one delivery and records what happened, but for a success: that the batch records (`Sent`). */
  private async deliver(delivery: DeliveryRow): Promise<Sent | undefined> {
    const channel = this.channels.find((candidate) => candidate.name === delivery.channel);
    if (!channel) return undefined;
    const startedAt = new Date();
    const attempt = { deliveryId: delivery.id, attempt: delivery.attempts, startedAt };
    try {
      const result = await channel.send(delivery, startedAt);
      if (result.outcome === 'postponed') {
        await postponeDelivery(this.pool, delivery.id, result.until);
        return undefined;
      }
      if (result.outcome === 'skipped') {
        await recordAttempt(this.pool, { ...attempt, outcome: 'skipped', error: result.reason });
        return undefined;
      }
      return {
        delivery,
        messageId: result.messageId,
        attempt: {
          ...attempt,
          outcome: 'sent',
          ...(result.responseCode ? { responseCode: result.responseCode } : {}),
        },
      };
    } catch (error) {
      const failure = error as { message?: unknown; responseCode?: unknown };
      const message = String(failure.message ?? error).slice(0, MAX_ERROR_LENGTH);
      const retry = retryAt(this.options.backoff, delivery.attempts, delivery.dueAt, new Date());
      try {
        await recordAttempt(this.pool, {
          ...attempt,
          outcome: 'failed',
          error: message,
          ...(typeof failure.responseCode === 'number' ? { responseCode: failure.responseCode } : {}),
          ...(retry ? { retryAt: retry } : {}),
        });
        if (!retry) await channel.gaveUp?.(delivery, message);
      } catch (recordError) {
        this.options.onError?.(recordError);
      }
      return undefined;
    }
  }

  /**
   * The audit trail's record of delivered messages, one NotificationDelivered each, in one append. Their
   * ids are derived from the deliveries, so a batch sent again after a crash records nothing twice; a batch
   * that mixes recorded and new ones (the store refuses it whole) is appended one event at a time.
   */
  private async recordDelivered(batch: Sent[]): Promise<void> {
    const events = batch.map(deliveredEvent);
    const organisationId = batch[0]!.delivery.organisationId;
    const append = (some: typeof events) =>
      this.eventStore.appendToStream(`audit-${organisationId}`, some, { expectedVersion: 'any' });
    try {
      await append(events);
    } catch (error) {
      if (events.length === 1) throw error;
      for (const event of events) await append([event]);
    }
  }
}

/** A delivery its channel sent, with its attempt, to be recorded with its batch. */
interface Sent {
  delivery: DeliveryRow;
  messageId: string;
  attempt: AttemptOutcome;
}

function deliveredEvent({ delivery, messageId }: Sent) {
  return {
    id: uuidV5(delivery.id, DELIVERED_NAMESPACE),
    type: 'NotificationDelivered',
    data: {
      deliveryId: delivery.id,
      idempotencyKey: delivery.idempotencyKey,
      eventId: delivery.eventId,
      channel: delivery.channel,
      kind: delivery.kind,
      recipientId: delivery.recipientId,
      messageId,
      by: null,
      at: new Date().toISOString(),
    },
    metadata: { organisationId: delivery.organisationId },
  };
}
