import type { TaskKind } from '@coachflow/contracts';
import type { DeliveryRow, DigestTask } from '@coachflow/read-models';
import {
  CoachingSessionEmail,
  CommitmentDueEmail,
  type ComposedEmail,
  type EmailBase,
  EscalationRaisedEmail,
  TaskDueSoonEmail,
  TaskOverdueEmail,
  WebhookDisabledEmail,
  WeeklyDigestEmail,
} from './email-templates';
import { formatDuration, formatTime } from './format-time';

/** What composing needs beyond the delivery: names, the task's kind, the app's address, the time zone. */
export interface EmailFacts {
  /** The open tasks a weekly digest lists (read at send time). */
  digestTasks?: DigestTask[];
  recipientName: string;
  repName: string;
  /** The task's kind, read from the inbox at send time (or the delivery's own record of it). */
  taskKind: string | undefined;
  appUrl: string;
  timeZone: string;
  now: Date;
}

const text = (value: unknown, fallback: string) => (typeof value === 'string' && value ? value : fallback);

const TASK_NAMES: Record<TaskKind, string> = {
  'self-assessment': 'Self-assessment',
  'manager-assessment': 'Manager assessment',
  'set-priorities': 'Priority setting',
  observation: 'Observation',
  'coaching-session': 'Coaching session',
  'acknowledge-plan': 'Plan acknowledgement',
  'commitment-check-in': 'Commitment check-in',
  'resolve-escalation': 'Escalation',
  'cycle-review': 'Cycle review',
  'follow-up': 'Follow-up',
};

/** A task kind as a mail names it ("self-assessment" -> "Self-assessment"). */
export function taskName(kind: string | undefined): string {
  return TASK_NAMES[kind as TaskKind] ?? 'Task';
}

/** Picks the delivery's template and fills it in (pure). */
export function composeEmail(delivery: DeliveryRow, facts: EmailFacts): ComposedEmail {
  const payload = delivery.payload;
  const base: EmailBase = {
    recipientName: facts.recipientName,
    repName: facts.repName,
    taskUrl: `${facts.appUrl}/tasks/${text(payload['taskId'], '')}`,
  };
  const when = (value: unknown) => formatTime(text(value, facts.now.toISOString()), facts.timeZone);
  switch (delivery.kind) {
    case 'escalation-raised': {
      const commitment = (payload['commitment'] ?? {}) as Record<string, unknown>;
      const title = text(commitment['title'], 'a commitment');
      const madeAt = Date.parse(
        text(commitment['madeAt'], text(payload['raisedAt'], facts.now.toISOString())),
      );
      return {
        subject: `Escalation: ${facts.repName} missed “${title}”`,
        element: (
          <EscalationRaisedEmail
            {...base}
            level={Number(payload['level'] ?? 1)}
            commitmentTitle={title}
            dueAt={when(commitment['dueAt'])}
            openFor={formatDuration(facts.now.getTime() - madeAt)}
          />
        ),
      };
    }
    case 'task-overdue': {
      const name = taskName(facts.taskKind);
      return {
        subject: `Overdue: ${name} (${facts.repName})`,
        element: <TaskOverdueEmail {...base} taskName={name} dueAt={when(payload['dueAt'])} />,
      };
    }
    case 'task-due-soon': {
      const name = taskName(facts.taskKind);
      return {
        subject: `Due soon: ${name} (${facts.repName})`,
        element: <TaskDueSoonEmail {...base} taskName={name} dueAt={when(payload['dueAt'])} />,
      };
    }
    case 'commitment-due': {
      const title = text(payload['title'], 'Your commitment');
      return {
        subject: `Due today: ${title}`,
        element: <CommitmentDueEmail {...base} commitmentTitle={title} dueAt={when(payload['dueAt'])} />,
      };
    }
    case 'webhook-disabled':
      return {
        subject: 'A webhook endpoint was disabled',
        element: (
          <WebhookDisabledEmail
            recipientName={facts.recipientName}
            url={text(payload['url'], 'an endpoint')}
            reason={text(payload['reason'], 'its deliveries kept failing')}
            appUrl={facts.appUrl}
          />
        ),
      };
    case 'weekly-digest': {
      const tasks = facts.digestTasks ?? [];
      const weekAhead = facts.now.getTime() + 7 * 24 * 3_600_000;
      const item = (task: DigestTask) => ({
        label: `${taskName(task.kind)} (${task.repName}), due ${formatTime(task.dueAt.toISOString(), facts.timeZone)}`,
        url: `${facts.appUrl}/tasks/${task.id}`,
      });
      const overdue = tasks.filter((task) => task.overdue).map(item);
      const dueThisWeek = tasks
        .filter((task) => !task.overdue && task.dueAt.getTime() <= weekAhead)
        .map(item);
      const escalations = tasks.filter((task) => task.kind === 'resolve-escalation').map(item);
      return {
        subject: `Your coaching week: ${overdue.length} overdue, ${dueThisWeek.length} due, ${escalations.length} escalations`,
        element: (
          <WeeklyDigestEmail
            recipientName={facts.recipientName}
            appUrl={facts.appUrl}
            overdue={overdue}
            dueThisWeek={dueThisWeek}
            escalations={escalations}
          />
        ),
      };
    }
    case 'webhook-event':
    case 'webhook-test':
      throw new Error(`a ${delivery.kind} delivery is not a mail`);
    case 'coaching-session':
      return {
        subject: `Coaching session with ${facts.repName}`,
        element: (
          <CoachingSessionEmail {...base} taskName="Coaching session" dueAt={when(payload['dueAt'])} />
        ),
      };
  }
}
