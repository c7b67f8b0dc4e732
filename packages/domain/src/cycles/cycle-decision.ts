import type { TaskKind } from '@coachflow/contracts';
import { stepEventId } from '../events';
import type { CycleContext } from './cycle-commands';
import type { CycleEvent, TaskClosedReason } from './cycle-events';
import type { CycleState } from './cycle-state';
import { evolveCycle } from './evolve-cycle';

export type EventOf<T extends CycleEvent['type']> = Extract<CycleEvent, { type: T }>;

/**
 * Collects the events of one decision, folding each into a working state as it goes, so later rules of
 * the same decision see what earlier ones did (a task closed above is not reported overdue below).
 */
export class Decision {
  readonly events: CycleEvent[] = [];

  constructor(
    public state: CycleState,
    private readonly ctx: CycleContext,
    private readonly workflowId: string,
  ) {}

  emit<T extends CycleEvent['type']>(type: T, data: EventOf<T>['data']): void {
    // The event's number in the stream is its id: a retried append is recognised, and nothing can interleave.
    const id = stepEventId(this.workflowId, String(this.state.version + 1));
    const event = { id, type, data } as CycleEvent;
    this.events.push(event);
    this.state = evolveCycle(this.state, event);
  }

  openTask(
    kind: TaskKind,
    assigneeId: string,
    dueAt: string,
    context: Record<string, unknown>,
    taskId?: string,
  ) {
    const id = taskId ?? this.ctx.newId();
    this.emit('TaskOpened', {
      taskId: id,
      kind,
      assigneeId,
      dueAt,
      context,
      form: this.state.configuration?.forms[kind] ?? null,
      openedAt: this.ctx.now,
    });
    return id;
  }

  closeTask(taskId: string, reason: TaskClosedReason): void {
    this.emit('TaskClosed', { taskId, reason, closedAt: this.ctx.now });
  }

  /** The events and the state they fold into. */
  result(): { events: CycleEvent[]; state: CycleState } {
    return { events: this.events, state: this.state };
  }
}
