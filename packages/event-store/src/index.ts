export * from './event-store';
export * from './event-store.errors';
export * from './postgres-event-store';
