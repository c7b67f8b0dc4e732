import { randomUUID } from 'node:crypto';
import type {
  CreatedWebhookView,
  CreateWebhookBody,
  DeliveryView,
  Page,
  WebhookEventType,
  WebhookView,
} from '@coachflow/contracts';
import { withTransaction } from '@coachflow/event-store';
import {
  checkWebhookUrl,
  deleteWebhookEndpoint,
  enableWebhookEndpoint,
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
import type { Pool, PoolClient } from 'pg';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { PG_POOL } from '#api/infrastructure/database/database.module';
import type { PageQuery } from '#api/infrastructure/http/page-query';
import { AuditService } from '#api/modules/audit/audit.service';
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
    private readonly audit: AuditService,
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
    const row = await withTransaction(this.pool, async (db) => {
      const inserted = await insertWebhookEndpoint(db, {
        id: randomUUID(),
        organisationId: caller.organisationId,
        url: url.toString(),
        eventTypes: body.eventTypes,
        format: body.format ?? 'standard',
        secretEncrypted: sealSecret(key, secret),
        createdBy: caller.id,
      });
      await this.recordChange(db, caller, 'WebhookEndpointRegistered', inserted);
      return inserted;
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

  /**
   * Deletes an endpoint: nothing more is sent to it (what it still had waiting is skipped), and its past
   * deliveries stay in the outbox's log.
   */
  async delete(caller: AuthenticatedUser, id: string): Promise<void> {
    await withTransaction(this.pool, async (db) => {
      const deleted = await deleteWebhookEndpoint(db, caller.organisationId, id);
      if (!deleted) throw notFound();
      await this.recordChange(db, caller, 'WebhookEndpointDeleted', deleted);
    });
  }

  /** Enables an endpoint again after it was disabled for failing: it gets the events recorded from now on. */
  async enable(caller: AuthenticatedUser, id: string): Promise<WebhookView> {
    const row = await withTransaction(this.pool, async (db) => {
      const enabled = await enableWebhookEndpoint(db, caller.organisationId, id);
      if (!enabled) throw notFound();
      await this.recordChange(db, caller, 'WebhookEndpointEnabled', enabled);
      return enabled;
    });
    return toWebhookView(row);
  }

  /** The organisation's audit trail, in the change's own transaction. */
  private recordChange(
    db: PoolClient,
    caller: AuthenticatedUser,
    type: 'WebhookEndpointRegistered' | 'WebhookEndpointDeleted' | 'WebhookEndpointEnabled',
    endpoint: WebhookEndpointRow,
  ): Promise<void> {
    return this.audit.recordWithin(db, [
      {
        type,
        organisationId: caller.organisationId,
        actorId: caller.id,
        data: { endpointId: endpoint.id, url: endpoint.url },
      },
    ]);
  }

  private async endpoint(caller: AuthenticatedUser, id: string): Promise<WebhookEndpointRow> {
    const endpoint = await findWebhookEndpoint(this.pool, caller.organisationId, id);
    if (!endpoint) throw notFound();
    return endpoint;
  }
}

function notFound(): DeliveriesException {
  return new DeliveriesException(DeliveriesErrorCode.WebhookNotFound, 'No such webhook endpoint.');
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
