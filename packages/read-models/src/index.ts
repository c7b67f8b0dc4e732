export * from './configuration';
export * from './cycle-summaries/cycle-summaries.projection';
export * from './cycle-summaries/cycle-summary';
export * from './notifications/notification-for';
export * from './notifications/notifications.projection';
export * from './projections';
export * from './tasks/task-change';
export * from './tasks/tasks.projection';
