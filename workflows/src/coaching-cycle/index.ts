export * from './activities';
export * from './coaching-cycle.input';
export * from './messages';
export * from './search-attributes';
export type { coachingCycle } from './coaching-cycle.workflow';
export { MIN_TIMER_MS } from './chain-ahead';
export { LAST_STEP_MS } from './deadline-steps';
