import { type Static, Type } from '@sinclair/typebox';
import { oneOf, Uuid } from './identifiers';

/** The cycle events an endpoint may subscribe to (Standard Webhooks `type`: `escalation.raised`, ...). */
export const WEBHOOK_EVENT_TYPES = [
  'EscalationRaised',
  'EscalationResolved',
  'TaskOverdue',
  'TaskCompleted',
  'CommitmentMade',
  'CommitmentKept',
  'CommitmentMissed',
  'CycleCompleted',
  'CycleCancelled',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const WEBHOOK_FORMATS = ['standard', 'slack'] as const;

export const CreateWebhookBody = Type.Object(
  {
    /** https only; must not resolve to a loopback, private, link-local or metadata address. */
    url: Type.String({ minLength: 8, maxLength: 2000, pattern: '^https?://[^\\s\\u0000]+$' }),
    eventTypes: Type.Array(oneOf(WEBHOOK_EVENT_TYPES), {
      minItems: 1,
      maxItems: WEBHOOK_EVENT_TYPES.length,
      uniqueItems: true,
    }),
    /** `standard` (default): Standard Webhooks JSON; `slack`: `{"text": ...}` for a Slack incoming webhook. */
    format: Type.Optional(oneOf(WEBHOOK_FORMATS)),
  },
  { additionalProperties: false },
);
export type CreateWebhookBody = Static<typeof CreateWebhookBody>;

export const WebhookView = Type.Object({
  id: Uuid,
  url: Type.String(),
  eventTypes: Type.Array(oneOf(WEBHOOK_EVENT_TYPES)),
  format: oneOf(WEBHOOK_FORMATS),
  createdBy: Uuid,
  createdAt: Type.String({ format: 'date-time' }),
  /** Set when deliveries kept failing: the endpoint gets nothing more until it is registered again. */
  disabledAt: Type.Optional(Type.String({ format: 'date-time' })),
  disabledReason: Type.Optional(Type.String()),
});
export type WebhookView = Static<typeof WebhookView>;

/** The answer to a registration: the endpoint and its signing secret, shown this once. */
export const CreatedWebhookView = Type.Object({
  endpoint: WebhookView,
  /** `whsec_...`: verify `webhook-signature` with it (Standard Webhooks). Not shown again. */
  secret: Type.String(),
});
export type CreatedWebhookView = Static<typeof CreatedWebhookView>;

export const WebhookTestView = Type.Object({ deliveryId: Uuid });
export type WebhookTestView = Static<typeof WebhookTestView>;
