// The bundle entry for Temporal workers: every workflow function, and nothing that needs Node.
export { coachingCycle } from './coaching-cycle/coaching-cycle.workflow';
