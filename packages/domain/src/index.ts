export * from './events';
export * from './cycles';
export * from './configuration';
