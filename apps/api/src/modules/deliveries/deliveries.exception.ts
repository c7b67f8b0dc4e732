import { codedAppException } from '#api/infrastructure/http/app.exception';

export enum DeliveriesErrorCode {
  WebhookNotFound = 'webhook-not-found',
  WebhookAddressRefused = 'webhook-address-refused',
  WebhookDisabled = 'webhook-disabled',
  WebhooksNotConfigured = 'webhooks-not-configured',
}

const STATUS: Record<DeliveriesErrorCode, number> = {
  [DeliveriesErrorCode.WebhookNotFound]: 404,
  [DeliveriesErrorCode.WebhookAddressRefused]: 400,
  [DeliveriesErrorCode.WebhookDisabled]: 409,
  [DeliveriesErrorCode.WebhooksNotConfigured]: 503,
};

/** A failure of the outbox's admin routes: deliveries and webhook endpoints. */
export class DeliveriesException extends codedAppException(STATUS) {}
