import type { DeliveryRow } from '@coachflow/read-models';

/** What one attempt at a delivery came to (a failure is a rejection). */
export type ChannelResult =
  | { outcome: 'sent'; responseCode?: number; messageId: string }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'postponed'; until: Date };

/** Sends one kind of delivery (email, webhook). */
export interface DeliveryChannel {
  readonly name: string;
  /**
   * Sends a batch's deliveries of this channel at once, having read what they need once for the whole batch
   * (one query each, not one per delivery); answers one settled result per delivery, in the same order.
   */
  sendAll(deliveries: readonly DeliveryRow[], now: Date): Promise<PromiseSettledResult<ChannelResult>[]>;
  /** Called once a delivery failed for good (after its last retry). */
  gaveUp?(delivery: DeliveryRow, error: string): Promise<void>;
  close(): Promise<void>;
}
