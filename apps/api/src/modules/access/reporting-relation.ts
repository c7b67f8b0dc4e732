/**
 * Where a subject user stands from the caller's seat in the reporting tree of one organisation:
 * - `self`: the caller;
 * - `direct-report`: reports to the caller;
 * - `indirect-report`: below the caller, two or more levels down;
 * - `above`: one of the caller's managers, up the line;
 * - `unrelated`: anyone else in the organisation (a peer, another team).
 */
export type ReportingRelation = 'self' | 'direct-report' | 'indirect-report' | 'above' | 'unrelated';
