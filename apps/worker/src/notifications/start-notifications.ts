import type { EventStore } from '@coachflow/event-store';
import type { Pool } from 'pg';
import type { DeliveryChannel } from './channel';
import { DeliverySender } from './delivery-sender';
import { queueDueDigests } from './digest-scheduler';
import { EmailChannel } from './email/email-channel';
import { loadNotifyConfig } from './notify-config';
import { WebhookChannel } from './webhook/webhook-channel';

/**
 * Starts the outbox sender with the channels the environment configures. Without SMTP_URL email
 * deliveries wait in the outbox (`npm start` always sets it, to its mail catcher when none is given).
 */
export function startNotifications(
  pool: Pool,
  eventStore: EventStore,
  env: Record<string, string | undefined>,
): DeliverySender {
  const config = loadNotifyConfig(env);
  const channels: DeliveryChannel[] = [];
  if (config.smtpUrl)
    channels.push(
      new EmailChannel(pool, { smtpUrl: config.smtpUrl, from: config.smtpFrom, appUrl: config.appUrl }),
    );
  else console.log('SMTP_URL is not set: email deliveries wait in the outbox');
  if (config.webhookSecretKey)
    channels.push(
      new WebhookChannel(pool, {
        secretKey: config.webhookSecretKey,
        allowPrivate: config.webhooksAllowPrivate,
        timeoutMs: config.webhookTimeoutMs,
        appUrl: config.appUrl,
      }),
    );
  else console.log('WEBHOOK_SECRET_KEY is not set: webhook deliveries wait in the outbox');
  const sender = new DeliverySender(pool, eventStore, channels, {
    batchSize: config.batchSize,
    leaseSeconds: config.leaseSeconds,
    batchesInFlight: config.batchesInFlight,
    pollMs: config.pollMs,
    backoff: config.backoff,
    onError: (error) => console.error('the notification sender failed a batch (will retry):', error),
  });
  sender.start();
  // Digests are queued into the same outbox; queueing one twice adds nothing (its key is person and slot).
  const digests = setInterval(() => {
    queueDueDigests(pool, new Date()).catch((error: unknown) =>
      console.error('queueing weekly digests failed (will retry):', error),
    );
  }, config.digestCheckMs);
  digests.unref();
  sender.onStop(() => clearInterval(digests));
  if (channels.length > 0)
    console.log(`notification sender running: ${channels.map((channel) => channel.name).join(', ')}`);
  return sender;
}
