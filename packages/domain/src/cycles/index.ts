export * from './cycle-events';
export * from './cycle-started';
export * from './cycle-stream-id';
export * from './cycle-workflow-id';
