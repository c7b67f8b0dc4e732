import { randomUUID } from 'node:crypto';
import type {
  CreatedWebhookView,
  CreateWebhookBody,
  DeliveryView,
  Page,
  WebhookEventType,
  WebhookView,
} from '@coachflow/contracts';
import {
  checkWebhookUrl,
  enqueueDelivery,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  newWebhookSecret,
  sealSecret,
  WebhookAddressError,
  type WebhookEndpointRow,
  webhookEndpointsOf,
} from '@coachflow/read-models';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { PG_POOL } from '#api/infrastructure/database/database.module';
import type { PageQuery } from '#api/infrastructure/http/page-query';
import { DeliveriesService } from './deliveries.service';
import { DeliveriesErrorCode, DeliveriesException } from './deliveries.exception';

/**
 * Webhook endpoints of the caller's organisation: registered with a URL that must reach a public https
 * address (checked again at every send), a signing secret shown once and stored encrypted, a delivery log,
 * and a test event through the outbox like any other delivery.
 */
@Injectable()
export class WebhooksService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: DeliveriesService,
  ) {}

  async register(caller: AuthenticatedUser, body: CreateWebhookBody): Promise<CreatedWebhookView> {
    const key = this.config.webhookSecretKey;
    if (!key)
      throw new DeliveriesException(
        DeliveriesErrorCode.WebhooksNotConfigured,
        'Webhooks need WEBHOOK_SECRET_KEY on the server to keep their secrets.',
      );
    const url = await checkWebhookUrl(body.url, this.config.webhooksAllowPrivate).catch((error: unknown) => {
      if (error instanceof WebhookAddressError)
        throw new DeliveriesException(
          DeliveriesErrorCode.WebhookAddressRefused,
          `The URL ${error.message}.`,
          [{ path: '/url', message: error.message }],
        );
      throw error;
    });
    const secret = newWebhookSecret();
    const row = await insertWebhookEndpoint(this.pool, {
      id: randomUUID(),
      organisationId: caller.organisationId,
      url: url.toString(),
      eventTypes: body.eventTypes,
      format: body.format ?? 'standard',
      secretEncrypted: sealSecret(key, secret),
      createdBy: caller.id,
    });
    return { endpoint: toWebhookView(row), secret };
  }

  async list(caller: AuthenticatedUser): Promise<WebhookView[]> {
    return (await webhookEndpointsOf(this.pool, caller.organisationId)).map(toWebhookView);
  }

  /** The endpoint's delivery log, newest first, with each delivery's last response code. */
  async deliveriesOf(caller: AuthenticatedUser, id: string, page: PageQuery): Promise<Page<DeliveryView>> {
    await this.endpoint(caller, id);
    return this.deliveries.list(caller.organisationId, { channel: 'webhook', recipientId: id }, page);
  }

  /** Queues a `webhook.test` event for the endpoint (sent, signed and retried like any delivery). */
  async sendTest(caller: AuthenticatedUser, id: string): Promise<{ deliveryId: string }> {
    const endpoint = await this.endpoint(caller, id);
    if (endpoint.disabledAt)
      throw new DeliveriesException(DeliveriesErrorCode.WebhookDisabled, 'This endpoint is disabled.');
    const deliveryId = await enqueueDelivery(this.pool, {
      eventId: `webhook-test-${randomUUID()}`,
      eventType: 'WebhookTest',
      organisationId: caller.organisationId,
      channel: 'webhook',
      recipientId: endpoint.id,
      kind: 'webhook-test',
      notBefore: new Date().toISOString(),
      payload: { type: 'WebhookTest', data: { endpointId: endpoint.id, requestedBy: caller.id } },
    });
    return { deliveryId };
  }

  private async endpoint(caller: AuthenticatedUser, id: string): Promise<WebhookEndpointRow> {
    const endpoint = await findWebhookEndpoint(this.pool, caller.organisationId, id);
    if (!endpoint)
      throw new DeliveriesException(DeliveriesErrorCode.WebhookNotFound, 'No such webhook endpoint.');
    return endpoint;
  }
}

function toWebhookView(row: WebhookEndpointRow): WebhookView {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.eventTypes as WebhookEventType[],
    format: row.format,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    ...(row.disabledAt ? { disabledAt: row.disabledAt.toISOString() } : {}),
    ...(row.disabledReason ? { disabledReason: row.disabledReason } : {}),
  };
}
