import { cycleStreamId } from '@coachflow/domain';

const PREFIX = cycleStreamId('');

/** The cycle a stream holds, or undefined for a stream that is not a cycle's (configuration objects). */
export function cycleIdOfStream(streamId: string): string | undefined {
  return streamId.startsWith(PREFIX) ? streamId.slice(PREFIX.length) : undefined;
}
