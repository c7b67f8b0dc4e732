import type { CycleEvent } from '#web/api/types';

export interface EventWords {
  /** A person's name by id. */
  name: (id: unknown) => string;
  /** A competency's name by key. */
  competency: (key: string) => string;
  /** A commitment's title by id. */
  commitment: (id: unknown) => string;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const day = (iso: unknown) => (typeof iso === 'string' ? new Date(iso).toLocaleDateString() : 'a later date');

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * One cycle event in plain language ("Maria set the focus areas Adaptability and Building trust;
 * diagnosis: skill"), or null for bookkeeping events a person does not need to read.
 */
export function describeEvent(event: CycleEvent, words: EventWords): string | null {
  const data = event.data;
  const by = words.name(data['by']);
  switch (event.type) {
    case 'CycleStarted':
      return `The cycle for ${words.name(data['repId'])} started, with ${words.name(data['managerId'])} as manager`;
    case 'SelfAssessmentSubmitted':
      return `${by} rated themselves`;
    case 'ManagerAssessmentSubmitted':
      return `${by} rated the rep`;
    case 'PrioritiesSet': {
      const areas = Array.isArray(data['focusAreas'])
        ? data['focusAreas'].map((key) => words.competency(String(key)))
        : [];
      return `${by} set the focus area${areas.length === 1 ? '' : 's'} ${list(areas)}; diagnosis: ${str(data['diagnosis'])}, style: ${str(data['style'])}`;
    }
    case 'ObservationRecorded':
      return `${by} recorded an observation`;
    case 'CoachingSessionHeld':
      return `${by} held the coaching session`;
    case 'CommitmentMade':
      return `Commitment “${str(data['title'])}” made, due ${day(data['dueAt'])}`;
    case 'PlanAcknowledged':
      return data['accepted'] === false ? `${by} sent the plan back` : `${by} accepted the plan`;
    case 'CommitmentKept':
      return `“${words.commitment(data['commitmentId'])}” was kept`;
    case 'CommitmentMissed':
      return data['reason'] === 'no-check-in'
        ? `Nobody checked in on “${words.commitment(data['commitmentId'])}”`
        : `“${words.commitment(data['commitmentId'])}” was not kept`;
    case 'ExecutionConcernRaised':
      return 'A second commitment was missed: an execution concern';
    case 'EscalationRaised':
      return `Escalated to ${words.name(data['assigneeId'])} (level ${String(data['level'])}) about “${words.commitment(data['commitmentId'])}”`;
    case 'EscalationResolved':
      return data['action'] === 'drop'
        ? `${words.name(data['resolvedBy'])} dropped “${words.commitment(data['commitmentId'])}”`
        : `${words.name(data['resolvedBy'])} recommitted “${words.commitment(data['commitmentId'])}”, due ${day(data['dueAt'])}`;
    case 'CycleReviewed':
      return `${by} reviewed the cycle`;
    case 'CycleCompleted':
      return 'The cycle completed';
    case 'CycleCancelled':
      return `${by} cancelled the cycle: “${str(data['reason'])}”`;
    case 'CycleManagerChanged':
      return `The manager changed from ${words.name(data['fromId'])} to ${words.name(data['toId'])}`;
    case 'CycleRenewed':
      return 'The next cycle started';
    default:
      return null;
  }
}

/** Commitment titles by id, from the cycle's CommitmentMade events. */
export function commitmentTitles(events: readonly CycleEvent[]): Map<string, string> {
  return new Map(
    events
      .filter((event) => event.type === 'CommitmentMade')
      .map((event) => [str(event.data['commitmentId']), str(event.data['title'])]),
  );
}

/** The events that concern one commitment, for an escalation's history. */
export function eventsOfCommitment(events: readonly CycleEvent[], commitmentId: string): CycleEvent[] {
  return events.filter((event) => event.data['commitmentId'] === commitmentId);
}
