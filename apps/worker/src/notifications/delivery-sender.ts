import { ChannelListener } from '@coachflow/database';
import type { EventStore } from '@coachflow/event-store';
import {
  type AttemptOutcome,
  claimDueDeliveries,
  type DeliveryRow,
  OUTBOX_CHANNEL,
  type Postponement,
  recordBatchResults,
} from '@coachflow/read-models';
import type { Pool } from 'pg';
import { v5 as uuidV5 } from 'uuid';
import { type Backoff, retryAt } from './backoff';
import type { ChannelResult, DeliveryChannel } from './channel';

export interface DeliverySenderOptions {
  batchSize: number;
  /**
   * Batches sent at once, each claimed by a loop of its own: while one batch waits on the mail server,
   * another is claimed, read and rendered, so the transport's connections are not idle between batches.
   */
  batchesInFlight: number;
  leaseSeconds: number;
  /** How often an idle sender looks for due deliveries when no notification woke it. */
  pollMs: number;
  backoff: Backoff;
  onError?: (error: unknown) => void;
}

// Namespace of NotificationDelivered event ids (random, fixed forever): one event per delivery, however
// often a crash makes the sender send it again.
const DELIVERED_NAMESPACE = 'b7c0e5a2-4d1f-4f6b-8e3a-9a2c7d5e1f04';
const MAX_ERROR_LENGTH = 500;

/**
 * Drains the outbox: leases due deliveries (several senders may run; SKIP LOCKED keeps them apart), sends a
 * batch's deliveries concurrently through their channels, records the attempts, and marks a delivery sent
 * once, after appending NotificationDelivered to the organisation's audit stream ("was Lee told?"). A
 * failure is retried with exponential backoff until the backoff's window ends, then the delivery fails.
 * An idle sender sleeps until a write to the outbox is announced on `OUTBOX_CHANNEL`, or its poll.
 */
export class DeliverySender {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly lanes = new Set<Lane>();
  private readonly listener: ChannelListener;
  private readonly stopHooks: (() => void)[] = [];

  constructor(
    private readonly pool: Pool,
    private readonly eventStore: EventStore,
    private readonly channels: DeliveryChannel[],
    private readonly options: DeliverySenderOptions,
  ) {
    const wake = () => this.signal();
    this.listener = new ChannelListener(
      pool,
      OUTBOX_CHANNEL,
      { onNotification: wake, onListening: wake },
      options.pollMs,
    );
  }

  start(): void {
    if (this.running || this.channels.length === 0) return;
    this.running = true;
    this.listener.start();
    this.loops = Array.from({ length: this.options.batchesInFlight }, () => this.run());
  }

  /** Runs `hook` when the sender stops (timers that feed the outbox). */
  onStop(hook: () => void): void {
    this.stopHooks.push(hook);
  }

  async stop(): Promise<void> {
    for (const hook of this.stopHooks) hook();
    this.running = false;
    this.signal();
    await Promise.all(this.loops);
    await this.listener.stop();
    await Promise.all(this.channels.map((channel) => channel.close()));
  }

  /** Claims and sends one batch; answers how many deliveries it handled (tests and the bench drive it). */
  async sendBatch(): Promise<number> {
    const claimed = await claimDueDeliveries(this.pool, {
      limit: this.options.batchSize,
      leaseSeconds: this.options.leaseSeconds,
      channels: this.channels.map((channel) => channel.name),
    });
    if (claimed.length === 0) return 0;
    const startedAt = new Date();
    const results = (
      await Promise.all(this.channels.map((channel) => this.sendThrough(channel, claimed, startedAt)))
    ).flat();
    const sent: Sent[] = [];
    const attempts: AttemptOutcome[] = [];
    const postponed: Postponement[] = [];
    const givenUp: { delivery: DeliveryRow; channel: DeliveryChannel; error: string }[] = [];
    for (const { delivery, channel, result } of results) {
      const attempt = { deliveryId: delivery.id, attempt: delivery.attempts, startedAt };
      if (result.status === 'rejected') {
        const failure = result.reason as { message?: unknown; responseCode?: unknown } | undefined;
        const error = String(failure?.message ?? result.reason).slice(0, MAX_ERROR_LENGTH);
        const retry = retryAt(this.options.backoff, delivery.attempts, delivery.dueAt, new Date());
        attempts.push({
          ...attempt,
          outcome: 'failed',
          error,
          ...(typeof failure?.responseCode === 'number' ? { responseCode: failure.responseCode } : {}),
          ...(retry ? { retryAt: retry } : {}),
        });
        if (!retry) givenUp.push({ delivery, channel, error });
      } else if (result.value.outcome === 'postponed') {
        postponed.push({ deliveryId: delivery.id, until: result.value.until });
      } else if (result.value.outcome === 'skipped') {
        attempts.push({ ...attempt, outcome: 'skipped', error: result.value.reason });
      } else {
        const { messageId, responseCode } = result.value;
        sent.push({ delivery, messageId });
        attempts.push({ ...attempt, outcome: 'sent', ...(responseCode ? { responseCode } : {}) });
      }
    }
    // The batch's audit events in one append per organisation, then its attempts and postponements in one
    // statement: per delivery, both would queue every sender on the same audit stream and on commits.
    const byOrganisation = new Map<string, Sent[]>();
    for (const result of sent)
      byOrganisation.set(result.delivery.organisationId, [
        ...(byOrganisation.get(result.delivery.organisationId) ?? []),
        result,
      ]);
    for (const batch of byOrganisation.values()) await this.recordDelivered(batch);
    await recordBatchResults(this.pool, attempts, postponed);
    for (const { delivery, channel, error } of givenUp)
      await channel
        .gaveUp?.(delivery, error)
        .catch((gaveUpError: unknown) => this.options.onError?.(gaveUpError));
    return claimed.length;
  }

  /** The channel's share of the batch, each with its result; a channel that fails whole fails each one. */
  private async sendThrough(
    channel: DeliveryChannel,
    claimed: readonly DeliveryRow[],
    now: Date,
  ): Promise<
    { delivery: DeliveryRow; channel: DeliveryChannel; result: PromiseSettledResult<ChannelResult> }[]
  > {
    const deliveries = claimed.filter((delivery) => delivery.channel === channel.name);
    if (deliveries.length === 0) return [];
    const results = await channel
      .sendAll(deliveries, now)
      .catch((error: unknown) =>
        deliveries.map((): PromiseRejectedResult => ({ status: 'rejected', reason: error })),
      );
    return deliveries.map((delivery, index) => ({ delivery, channel, result: results[index]! }));
  }

  private signal(): void {
    for (const lane of this.lanes) {
      lane.woken = true;
      lane.wake?.();
    }
  }

  /** One lane: claims and sends batch after batch, then sleeps until woken or the poll. */
  private async run(): Promise<void> {
    const lane: Lane = { woken: false, wake: undefined };
    this.lanes.add(lane);
    try {
      while (this.running) {
        lane.woken = false;
        let handled = 0;
        try {
          handled = await this.sendBatch();
        } catch (error) {
          this.options.onError?.(error);
        }
        // A notification during the batch may announce deliveries its claim did not see: look again.
        if (handled > 0 || lane.woken || !this.running) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs);
          lane.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        lane.wake = undefined;
      }
    } finally {
      this.lanes.delete(lane);
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

/** A batch loop of the sender: `woken` when a notification came since its last claim began. */
interface Lane {
  woken: boolean;
  wake: (() => void) | undefined;
}

/** A delivery its channel sent, to be recorded in its organisation's audit stream. */
interface Sent {
  delivery: DeliveryRow;
  messageId: string;
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
