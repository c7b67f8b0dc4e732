export * from './api-client';
export * from './app-processes';
export * from './app-stack';
export * from './eventually';
export * from './integration-env';
export * from './organisation-fixture';
export * from './cycle-fixtures';
export * from './live-stream-client';
