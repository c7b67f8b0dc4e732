export * from './events';
export * from './cycles';
export * from './configuration';
export * from './errors';
export * from './notifications';
