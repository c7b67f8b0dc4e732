import { PeopleAndCycles1763888400000 } from './1763888400000-people-and-cycles';
import { EventStore1763888400001 } from './1763888400001-event-store';
import { SessionsAndReportingLines1763888400200 } from './1763888400200-sessions-and-reporting-lines';
import { RebuildCycleSummaries1763888400350 } from './1763888400350-rebuild-cycle-summaries';
import { CheckpointTransaction1763888400400 } from './1763888400400-checkpoint-transaction';
import { NotificationReads1763888400500 } from './1763888400500-notification-reads';
import { EmailsUniquePerOrganisation1763888400640 } from './1763888400640-emails-unique-per-organisation';
import { LoginLimitsAndSpentRefreshTokens1763888400620 } from './1763888400620-login-limits-and-spent-refresh-tokens';
import { ProjectionDeadLetters1763888400650 } from './1763888400650-projection-dead-letters';
import { LiveUpdates1763888400700 } from './1763888400700-live-updates';
import { NotificationOutbox1763888400810 } from './1763888400810-notification-outbox';
import { WebhookEndpoints1763888400820 } from './1763888400820-webhook-endpoints';
import { StaffingDispatches1763888400900 } from './1763888400900-staffing-dispatches';
import { InboxEveryStatusIndex1763888400910 } from './1763888400910-inbox-every-status-index';
import { NotificationPreferences1763888400920 } from './1763888400920-notification-preferences';
import { DeliveryEventTypes1763888400930 } from './1763888400930-delivery-event-types';

/** Every migration, oldest first. A new migration is added here and never edited once released. */
export const migrations = [
  PeopleAndCycles1763888400000,
  EventStore1763888400001,
  SessionsAndReportingLines1763888400200,
  RebuildCycleSummaries1763888400350,
  CheckpointTransaction1763888400400,
  NotificationReads1763888400500,
  LoginLimitsAndSpentRefreshTokens1763888400620,
  EmailsUniquePerOrganisation1763888400640,
  ProjectionDeadLetters1763888400650,
  LiveUpdates1763888400700,
  NotificationOutbox1763888400810,
  WebhookEndpoints1763888400820,
  StaffingDispatches1763888400900,
  InboxEveryStatusIndex1763888400910,
  NotificationPreferences1763888400920,
  DeliveryEventTypes1763888400930,
];
