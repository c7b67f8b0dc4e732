export * from './domain-event';
export * from './step-event-id';
