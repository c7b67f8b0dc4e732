export * from './aggregate';
export * from './event-schemas';
export * from './event-store';
export * from './event-store.errors';
export * from './in-memory/in-memory-event-store';
export * from './postgres/event-notifier';
export * from './postgres/postgres-event-store';
export * from './projections';
