export * from './configuration.decider';
export * from './configuration-events';
export * from './configuration-record';
export * from './cycle-configuration';
