/**
 * A deterministic event id for one step of one process (a workflow run, an import): the same step always
 * yields the same id, so an activity retried after a timeout writes nothing twice.
 */
export function stepEventId(processId: string, step: string): string {
  if (!processId || !step) throw new Error('stepEventId needs a process id and a step name');
  return `${processId}/${step}`;
}
