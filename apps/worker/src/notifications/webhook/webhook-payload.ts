import type { DeliveryRow } from '@coachflow/read-models';

/** `EscalationRaised` -> `escalation.raised` (Standard Webhooks event types are dotted). */
export function webhookType(eventType: string): string {
  return eventType.replace(/([a-z0-9])([A-Z])/g, '$1.$2').toLowerCase();
}

/** The Standard Webhooks body of a delivery: `{type, timestamp, data}`. */
export function standardPayload(delivery: DeliveryRow, now: Date): Record<string, unknown> {
  const payload = delivery.payload;
  return {
    type: webhookType(String(payload['type'])),
    timestamp: now.toISOString(),
    data: {
      ...(payload['data'] as Record<string, unknown>),
      eventId: delivery.eventId,
      ...(payload['cycleId'] ? { cycleId: payload['cycleId'], repId: payload['repId'] } : {}),
    },
  };
}

/** A Slack incoming webhook's body: one line of text with a link to the cycle or task. */
export function slackPayload(delivery: DeliveryRow, appUrl: string): { text: string } {
  const payload = delivery.payload;
  const data = (payload['data'] ?? {}) as Record<string, unknown>;
  const link =
    typeof data['taskId'] === 'string'
      ? `${appUrl}/tasks/${data['taskId']}`
      : typeof payload['cycleId'] === 'string'
        ? `${appUrl}/cycles/${payload['cycleId']}`
        : appUrl;
  return { text: `Coachflow: ${webhookType(String(payload['type']))} <${link}|open>` };
}
