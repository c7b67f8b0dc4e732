export * from './local-time';
export * from './notification-schedule';
