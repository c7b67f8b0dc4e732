import type { DeliveryRow } from '@coachflow/read-models';

/** What one attempt at a delivery came to (a failure is thrown). */
export type ChannelResult =
  | { outcome: 'sent'; responseCode?: number; messageId: string }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'postponed'; until: Date };

/** Sends one kind of delivery (email, webhook). */
export interface DeliveryChannel {
  readonly name: string;
  send(delivery: DeliveryRow, now: Date): Promise<ChannelResult>;
  /** Called once a delivery failed for good (after its last retry). */
  gaveUp?(delivery: DeliveryRow, error: string): Promise<void>;
  close(): Promise<void>;
}
