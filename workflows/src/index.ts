export * from './coaching-cycle';
// Client side (imports @temporalio/client types): kept out of coaching-cycle/index.ts and workflows.ts.
export * from './coaching-cycle/start-coaching-cycle';
export * from './temporal-settings';
export * from './workflows-path';
