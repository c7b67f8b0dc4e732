// The read models: their projections (for the worker and `projections:rebuild`) and the queries that read
// them. Table names and SQL stay inside this package, so a table can change shape without its readers.
export * from './configuration/configuration-object-queries';
export { configurationObjectsProjection } from './configuration/configuration-objects.projection';
export { cycleSummariesProjection } from './cycle-summaries/cycle-summaries.projection';
export * from './cycle-summaries/cycle-summary';
export * from './cycle-summaries/cycle-summary-queries';
export * from './notifications/notification-for';
export * from './notifications/notification-queries';
export { notificationsProjection } from './notifications/notifications.projection';
export * from './projections';
export type { Placeholder, Queryable } from './query-projection';
export * from './tasks/task-change';
export * from './tasks/task-queries';
export { tasksProjection } from './tasks/tasks.projection';
export * from './live-updates';
export * from './team/team-overview-queries';
export * from './outbox/deliveries-for';
export * from './outbox/outbox-queries';
export * from './outbox/enqueue-delivery';
export { notificationOutboxProjection } from './outbox/outbox.projection';
export * from './webhooks/secret-box';
export * from './webhooks/webhook-endpoints';
export * from './webhooks/webhook-address';
export * from './preferences/preference-queries';
export * from './tasks/digest-queries';
