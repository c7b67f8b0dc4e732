import {
  disableWebhookEndpoint,
  enqueueDelivery,
  type DeliveryRow,
  guardedLookup,
  openSecret,
  webhookEndpointById,
  type WebhookEndpointRow,
  webhookEndpointsByIds,
} from '@coachflow/read-models';
import type { Pool } from 'pg';
import { Webhook } from 'standardwebhooks';
import type { ChannelResult, DeliveryChannel } from '../channel';
import { postJson } from './post-json';
import { slackPayload, standardPayload } from './webhook-payload';

export interface WebhookChannelOptions {
  secretKey: Buffer;
  /** WEBHOOKS_ALLOW_PRIVATE: development and tests only. */
  allowPrivate: boolean;
  timeoutMs: number;
  appUrl: string;
}

/**
 * Posts a delivery to its endpoint, signed the Standard Webhooks way: `webhook-id` is the delivery id (the
 * same on every retry, so a receiver drops a repeat), `webhook-timestamp` the attempt's time and
 * `webhook-signature` an HMAC-SHA256 over both and the body. A 2xx answer is success; anything else is
 * retried with backoff. When an endpoint's delivery fails for good the endpoint is disabled and the admin
 * who registered it is told by mail.
 */
export class WebhookChannel implements DeliveryChannel {
  readonly name = 'webhook';

  constructor(
    private readonly pool: Pool,
    private readonly options: WebhookChannelOptions,
  ) {}

  async sendAll(
    deliveries: readonly DeliveryRow[],
    now: Date,
  ): Promise<PromiseSettledResult<ChannelResult>[]> {
    const endpoints = await webhookEndpointsByIds(
      this.pool,
      deliveries.map((delivery) => delivery.recipientId),
    );
    return Promise.allSettled(
      deliveries.map((delivery) => this.send(delivery, endpoints.get(delivery.recipientId), now)),
    );
  }

  private async send(
    delivery: DeliveryRow,
    endpoint: WebhookEndpointRow | undefined,
    now: Date,
  ): Promise<ChannelResult> {
    if (!endpoint) return { outcome: 'skipped', reason: 'the endpoint was deleted' };
    if (endpoint.disabledAt) return { outcome: 'skipped', reason: 'the endpoint is disabled' };
    const body = JSON.stringify(
      endpoint.format === 'slack'
        ? slackPayload(delivery, this.options.appUrl)
        : standardPayload(delivery, now),
    );
    const secret = openSecret(this.options.secretKey, endpoint.secretEncrypted);
    const status = await postJson(
      new URL(endpoint.url),
      body,
      {
        'webhook-id': delivery.id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(delivery.id, now, body),
        'user-agent': 'Coachflow-Webhooks/1',
      },
      { lookup: guardedLookup(this.options.allowPrivate), timeoutMs: this.options.timeoutMs },
    );
    if (status < 200 || status > 299)
      throw Object.assign(new Error(`the endpoint answered ${status}`), { responseCode: status });
    return { outcome: 'sent', responseCode: status, messageId: delivery.id };
  }

  async gaveUp(delivery: DeliveryRow, error: string): Promise<void> {
    const endpoint = await webhookEndpointById(this.pool, delivery.recipientId);
    if (!endpoint) return;
    const reason = `a delivery failed for good (${error})`;
    if (!(await disableWebhookEndpoint(this.pool, endpoint.id, reason))) return;
    await enqueueDelivery(this.pool, {
      eventId: `webhook-disabled-${endpoint.id}`,
      eventType: 'WebhookDisabled',
      organisationId: endpoint.organisationId,
      channel: 'email',
      recipientId: endpoint.createdBy,
      kind: 'webhook-disabled',
      notBefore: new Date().toISOString(),
      payload: { url: endpoint.url, reason, endpointId: endpoint.id },
    });
  }

  async close(): Promise<void> {}
}
