export * from './events';
export * from './cycles';
