import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@coachflow/event-store';
import { type DeliveryRow, enqueueDelivery } from '@coachflow/read-models';
import { integrationEnv } from '@coachflow/testing';
import { Pool } from 'pg';
import type { ChannelResult, DeliveryChannel } from './channel';
import { DeliverySender } from './delivery-sender';

/** A channel that "sends" by remembering: every delivery id it was handed, repeats included. */
class RecordingChannel implements DeliveryChannel {
  readonly name = 'email';
  readonly handed: string[] = [];
  readonly batchSizes: number[] = [];

  async sendAll(deliveries: readonly DeliveryRow[]): Promise<PromiseSettledResult<ChannelResult>[]> {
    this.batchSizes.push(deliveries.length);
    // Sending takes a while, so a second lane or sender claims while this batch is out.
    await new Promise((resolve) => setTimeout(resolve, 20));
    return deliveries.map((delivery) => {
      this.handed.push(delivery.id);
      return { status: 'fulfilled', value: { outcome: 'sent', messageId: `<${delivery.id}@test>` } };
    });
  }

  async close(): Promise<void> {}
}

const NEVER_POLL_MS = 10 * 60_000;

describe('the delivery sender', () => {
  const env = integrationEnv();
  let pool: Pool;
  let eventStore: PostgresEventStore;
  let senders: DeliverySender[] = [];
  let errors: unknown[] = [];

  const startSender = (channel: DeliveryChannel, batchSize: number, batchesInFlight: number) => {
    const sender = new DeliverySender(pool, eventStore, [channel], {
      batchSize,
      batchesInFlight,
      leaseSeconds: 60,
      pollMs: NEVER_POLL_MS,
      backoff: { baseMs: 1000, maxDelayMs: 60_000, giveUpAfterMs: 3_600_000 },
      onError: (error) => errors.push(error),
    });
    senders.push(sender);
    sender.start();
    return sender;
  };

  const queue = async (organisationId: string, count: number) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (let i = 0; i < count; i++)
        await enqueueDelivery(client, {
          eventId: randomUUID(),
          eventType: 'TaskOverdue',
          organisationId,
          channel: 'email',
          recipientId: randomUUID(),
          kind: 'task-overdue',
          notBefore: new Date().toISOString(),
          payload: {},
        });
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };

  const unsent = async (organisationId: string) => {
    const { rows } = await pool.query<{ count: string }>(
      `SELECT count(*) FROM notification_deliveries WHERE organisation_id = $1 AND status <> 'sent'`,
      [organisationId],
    );
    return Number(rows[0]!.count);
  };

  const waitUntil = async (done: () => Promise<boolean>) => {
    const deadline = Date.now() + 60_000;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error('gave up waiting');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(() => {
    pool = new Pool({ connectionString: env.databaseUrl, max: 8 });
    eventStore = new PostgresEventStore(pool);
  });

  afterEach(async () => {
    await Promise.all(senders.map((sender) => sender.stop()));
    senders = [];
    expect(errors).toEqual([]);
    errors = [];
  });

  afterAll(async () => {
    await eventStore.close();
    await pool.end();
  });

  it('is woken by the commit that queues a delivery, long before its poll', async () => {
    const channel = new RecordingChannel();
    startSender(channel, 20, 1);
    const organisationId = randomUUID();
    // Twice: the second time the sender is asleep after an empty claim, and only NOTIFY can wake it.
    for (const round of [1, 2]) {
      await queue(organisationId, 3);
      await waitUntil(async () => (await unsent(organisationId)) === 0);
      expect(channel.handed).toHaveLength(3 * round);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  it('sends each delivery once with two senders of two batches in flight each', async () => {
    const first = new RecordingChannel();
    const second = new RecordingChannel();
    startSender(first, 5, 2);
    startSender(second, 5, 2);
    const organisationId = randomUUID();
    await queue(organisationId, 120);
    await waitUntil(async () => (await unsent(organisationId)) === 0);

    const handed = [...first.handed, ...second.handed];
    expect(new Set(handed).size).toBe(handed.length);
    expect(handed).toHaveLength(120);
    expect(Math.max(...first.batchSizes, ...second.batchSizes)).toBeLessThanOrEqual(5);
    // Every send is one NotificationDelivered in the organisation's audit stream, and one attempt.
    const { rows } = await pool.query<{ events: string; attempts: string }>(
      `SELECT (SELECT count(*) FROM events WHERE stream_id = $1 AND event_type = 'NotificationDelivered') AS events,
              (SELECT count(*) FROM notification_delivery_attempts a JOIN notification_deliveries d
                 ON d.id = a.delivery_id WHERE d.organisation_id = $2) AS attempts`,
      [`audit-${organisationId}`, organisationId],
    );
    expect(Number(rows[0]!.events)).toBe(120);
    expect(Number(rows[0]!.attempts)).toBe(120);
  });
});
