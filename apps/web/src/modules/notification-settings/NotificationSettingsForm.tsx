import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { NotificationPreferences } from './useNotificationPreferences';

type MailKind = keyof NotificationPreferences['email'];
type Weekday = NotificationPreferences['digest']['day'];

/** Each mail in the words of the person who receives it. */
const MAIL_LABELS: Record<MailKind, string> = {
  'escalation-raised': 'A missed commitment is escalated to me',
  'task-overdue': 'One of my tasks is overdue',
  'task-due-soon': 'One of my tasks is due soon',
  'commitment-due': 'A commitment is coming due',
  'coaching-session': 'A coaching session is coming up',
  'weekly-digest': 'The weekly digest of my open work',
};

const WEEKDAYS: readonly Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${String(hour).padStart(2, '0')}:00`,
}));

/** The API's default zone: an account that never saved one gets the browser's zone offered instead. */
const DEFAULT_ZONE = 'UTC';

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function zoneOptions(selected: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  // 'UTC' and some saved aliases are not in the canonical list, and a select must show its value.
  return zones.includes(selected) ? zones : [selected, ...zones];
}

interface Props {
  saved: NotificationPreferences;
  saving: boolean;
  onSave: (preferences: NotificationPreferences) => void;
}

/** The mail switches, digest slot, time zone and quiet hours; Save sends the whole set. */
export function NotificationSettingsForm({ saved, saving, onSave }: Props) {
  const zoneFromBrowser = saved.timeZone === DEFAULT_ZONE && browserTimeZone() !== DEFAULT_ZONE;
  const [email, setEmail] = useState(saved.email);
  const [day, setDay] = useState<Weekday>(saved.digest.day);
  const [hour, setHour] = useState(saved.digest.hour);
  const [timeZone, setTimeZone] = useState(zoneFromBrowser ? browserTimeZone() : saved.timeZone);
  const [quiet, setQuiet] = useState(saved.quietHours !== null);
  const [quietStart, setQuietStart] = useState(saved.quietHours?.start ?? '20:00');
  const [quietEnd, setQuietEnd] = useState(saved.quietHours?.end ?? '07:00');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({
      email,
      digest: { day, hour },
      timeZone,
      quietHours: quiet ? { start: quietStart, end: quietEnd } : null,
    });
  };

  return (
    <form onSubmit={submit} aria-label="Notification settings">
      <Stack gap="lg">
        <Fieldset legend="Email me when">
          <Stack gap="sm">
            {(Object.keys(MAIL_LABELS) as MailKind[]).map((kind) => (
              <Switch
                key={kind}
                label={MAIL_LABELS[kind]}
                checked={email[kind]}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  setEmail((current) => ({ ...current, [kind]: checked }));
                }}
              />
            ))}
          </Stack>
        </Fieldset>

        <Fieldset legend="Weekly digest">
          <Group grow wrap="wrap" align="flex-start">
            <NativeSelect
              label="Day"
              miw={140}
              value={day}
              onChange={(event) => setDay(event.currentTarget.value as Weekday)}
              data={WEEKDAYS.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) }))}
            />
            <NativeSelect
              label="Hour"
              miw={140}
              value={String(hour)}
              onChange={(event) => setHour(Number(event.currentTarget.value))}
              data={HOURS}
            />
          </Group>
        </Fieldset>

        <NativeSelect
          label="Time zone"
          description={
            zoneFromBrowser
              ? 'Preselected from your browser; it is kept once you save.'
              : 'The digest and quiet hours follow this zone.'
          }
          value={timeZone}
          onChange={(event) => setTimeZone(event.currentTarget.value)}
          data={zoneOptions(timeZone)}
        />

        <Fieldset legend="Quiet hours">
          <Stack gap="sm">
            <Checkbox
              label="Hold mails during quiet hours and send them when they end"
              checked={quiet}
              onChange={(event) => setQuiet(event.currentTarget.checked)}
            />
            <Group grow wrap="wrap" align="flex-start">
              <TextInput
                type="time"
                label="From"
                miw={140}
                required={quiet}
                disabled={!quiet}
                value={quietStart}
                onChange={(event) => setQuietStart(event.currentTarget.value)}
              />
              <TextInput
                type="time"
                label="To"
                miw={140}
                required={quiet}
                disabled={!quiet}
                value={quietEnd}
                onChange={(event) => setQuietEnd(event.currentTarget.value)}
              />
            </Group>
            <Text size="xs" c="dimmed">
              Quiet hours may span midnight, for example from 20:00 to 07:00.
            </Text>
          </Stack>
        </Fieldset>

        <Group>
          <Button type="submit" loading={saving}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
