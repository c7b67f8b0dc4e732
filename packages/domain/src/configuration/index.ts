export * from './configuration.decider';
export * from './configuration-events';
