import { Text } from '@react-email/components';
import type { ReactElement } from 'react';
import { EmailLayout } from './email-layout';

/** What every template gets: who it is for, the rep of the cycle, the link to the task, times as text. */
export interface EmailBase {
  recipientName: string;
  repName: string;
  taskUrl: string;
}

export interface EscalationRaisedEmailProps extends EmailBase {
  level: number;
  commitmentTitle: string;
  /** When the commitment was due, and how long it has been open since it was made ("12 days"). */
  dueAt: string;
  openFor: string;
}

export function EscalationRaisedEmail(props: EscalationRaisedEmailProps) {
  const heading = `${props.repName} missed a commitment`;
  return (
    <EmailLayout
      preview={`Escalation: ${props.repName} missed “${props.commitmentTitle}”`}
      heading={heading}
      actionUrl={props.taskUrl}
      actionLabel="Resolve the escalation"
    >
      <Text>Hi {props.recipientName},</Text>
      <Text>
        {props.repName}’s commitment “{props.commitmentTitle}” was due {props.dueAt} and is still not kept: it
        has been open for {props.openFor}. It is escalated to you (level {props.level}).
      </Text>
      <Text>Decide whether {props.repName} recommits to a new date or the commitment is dropped.</Text>
    </EmailLayout>
  );
}

export interface TaskEmailProps extends EmailBase {
  /** The task's name ("Self-assessment"). */
  taskName: string;
  dueAt: string;
}

export function TaskOverdueEmail(props: TaskEmailProps) {
  return (
    <EmailLayout
      preview={`Overdue: ${props.taskName}`}
      heading={`${props.taskName} is overdue`}
      actionUrl={props.taskUrl}
      actionLabel="Open the task"
    >
      <Text>Hi {props.recipientName},</Text>
      <Text>
        The {props.taskName.toLowerCase()} in {props.repName}’s coaching cycle was due {props.dueAt} and is
        still open.
      </Text>
    </EmailLayout>
  );
}

export function TaskDueSoonEmail(props: TaskEmailProps) {
  return (
    <EmailLayout
      preview={`Due soon: ${props.taskName}`}
      heading={`${props.taskName} is due soon`}
      actionUrl={props.taskUrl}
      actionLabel="Open the task"
    >
      <Text>Hi {props.recipientName},</Text>
      <Text>
        The {props.taskName.toLowerCase()} in {props.repName}’s coaching cycle is due {props.dueAt}.
      </Text>
    </EmailLayout>
  );
}

export interface CommitmentDueEmailProps extends EmailBase {
  commitmentTitle: string;
  dueAt: string;
}

export function CommitmentDueEmail(props: CommitmentDueEmailProps) {
  return (
    <EmailLayout
      preview={`Due today: ${props.commitmentTitle}`}
      heading="Your commitment is due today"
      actionUrl={props.taskUrl}
      actionLabel="Check in"
    >
      <Text>Hi {props.recipientName},</Text>
      <Text>
        “{props.commitmentTitle}” is due {props.dueAt}. Check in to say whether you kept it.
      </Text>
    </EmailLayout>
  );
}

export function CoachingSessionEmail(props: TaskEmailProps) {
  return (
    <EmailLayout
      preview={`Coaching session with ${props.repName}`}
      heading={`Coaching session with ${props.repName}`}
      actionUrl={props.taskUrl}
      actionLabel="Prepare the session"
    >
      <Text>Hi {props.recipientName},</Text>
      <Text>
        The priorities for {props.repName} are set: hold the coaching session by {props.dueAt}. The attached
        invite puts it in your calendar.
      </Text>
    </EmailLayout>
  );
}

export interface WebhookDisabledEmailProps {
  recipientName: string;
  url: string;
  reason: string;
  appUrl: string;
}

export function WebhookDisabledEmail(props: WebhookDisabledEmailProps) {
  return (
    <EmailLayout
      preview={`A webhook endpoint was disabled: ${props.url}`}
      heading="A webhook endpoint was disabled"
      actionUrl={props.appUrl}
      actionLabel="Open Coachflow"
    >
      <Text>Hi {props.recipientName},</Text>
      <Text>
        Coachflow stopped sending to the webhook endpoint you registered, {props.url}: {props.reason}.
        Register it again once it answers.
      </Text>
    </EmailLayout>
  );
}

export interface DigestItem {
  label: string;
  url: string;
}

export interface WeeklyDigestEmailProps {
  recipientName: string;
  appUrl: string;
  overdue: DigestItem[];
  dueThisWeek: DigestItem[];
  escalations: DigestItem[];
}

function DigestSection({ title, items }: { title: string; items: DigestItem[] }) {
  return (
    <>
      <Text style={{ fontWeight: 600 }}>
        {title}: {items.length}
      </Text>
      {items.map((item) => (
        <Text key={item.url}>
          {item.label}: <a href={item.url}>{item.url}</a>
        </Text>
      ))}
    </>
  );
}

export function WeeklyDigestEmail(props: WeeklyDigestEmailProps) {
  return (
    <EmailLayout
      preview={`This week: ${props.overdue.length} overdue, ${props.dueThisWeek.length} due, ${props.escalations.length} escalations`}
      heading="Your coaching week"
      actionUrl={props.appUrl}
      actionLabel="Open your inbox"
    >
      <Text>Hi {props.recipientName},</Text>
      <DigestSection title="Overdue" items={props.overdue} />
      <DigestSection title="Due in the next 7 days" items={props.dueThisWeek} />
      <DigestSection title="Open escalations" items={props.escalations} />
    </EmailLayout>
  );
}

/** A template chosen and filled in: the subject and the element to render. */
export interface ComposedEmail {
  subject: string;
  element: ReactElement;
}
