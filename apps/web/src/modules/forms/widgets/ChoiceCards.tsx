import { Alert, Group, Radio, Stack, Text } from '@mantine/core';
import type { WidgetProps } from '@rjsf/utils';
import type { ReactNode } from 'react';

export interface Choice<V> {
  value: V;
  label: string;
  /** One line saying what choosing it means. */
  explanation?: string;
}

interface ChoiceCardsProps<V> {
  id: string;
  label: string;
  required?: boolean;
  choices: readonly Choice<V>[];
  value: V | undefined;
  onChange: (value: V) => void;
  disabled?: boolean;
  errors?: readonly string[];
  description?: ReactNode;
}

/** A labelled radio group whose options carry a one-line explanation each. */
export function ChoiceCards<V extends string | boolean>({
  id,
  label,
  required,
  choices,
  value,
  onChange,
  disabled,
  errors,
  description,
}: ChoiceCardsProps<V>) {
  const key = (choice: V) => String(choice);
  return (
    <Radio.Group
      id={id}
      label={label}
      withAsterisk={required}
      description={description}
      value={value === undefined ? null : key(value)}
      onChange={(picked) => {
        const choice = choices.find((candidate) => key(candidate.value) === picked);
        if (choice) onChange(choice.value);
      }}
      error={errors?.length ? errors.join(' ') : undefined}
    >
      <Stack gap="xs" mt="xs">
        {choices.map((choice) => (
          <Radio.Card key={key(choice.value)} value={key(choice.value)} p="sm" disabled={disabled}>
            <Group wrap="nowrap" align="flex-start">
              <Radio.Indicator />
              <div>
                <Text fw={600} size="sm">
                  {choice.label}
                </Text>
                {choice.explanation && (
                  <Text size="sm" c="dimmed">
                    {choice.explanation}
                  </Text>
                )}
              </div>
            </Group>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** Choices from the widget's schema enum, explained by `explanations` (value → sentence). */
function enumChoices(props: WidgetProps, explanations: Record<string, Choice<string>>): Choice<string>[] {
  const values = (props.options.enumOptions ?? []).map((option) => String(option.value));
  return values.map((value) => explanations[value] ?? { value, label: value });
}

function widgetLabel(props: WidgetProps): string {
  return props.label || props.schema.title || props.name;
}

const DIAGNOSES: Record<string, Choice<string>> = {
  skill: { value: 'skill', label: 'Skill', explanation: 'They do not yet know how: be patient and teach.' },
  will: {
    value: 'will',
    label: 'Will',
    explanation: 'They know how but do not do it: focus on execution and follow-through.',
  },
  unclear: {
    value: 'unclear',
    label: 'Unclear',
    explanation: 'Not sure yet: observe them at work before deciding.',
  },
};

const STYLES: Record<string, Choice<string>> = {
  directing: { value: 'directing', label: 'Directing', explanation: 'Tell them what to do and how.' },
  coaching: { value: 'coaching', label: 'Coaching', explanation: 'Explain, ask, and decide together.' },
  supporting: { value: 'supporting', label: 'Supporting', explanation: 'They lead; you encourage and help.' },
  delegating: { value: 'delegating', label: 'Delegating', explanation: 'Hand it over and check in lightly.' },
};

const ESCALATION_ACTIONS: Record<string, Choice<string>> = {
  recommit: {
    value: 'recommit',
    label: 'Recommit',
    explanation: 'The rep commits again with a new due date.',
  },
  drop: { value: 'drop', label: 'Drop', explanation: 'The commitment no longer makes sense; close it.' },
};

function EnumCards(explanations: Record<string, Choice<string>>) {
  return function EnumCardsWidget(props: WidgetProps) {
    return (
      <ChoiceCards
        id={props.id}
        label={widgetLabel(props)}
        required={props.required}
        choices={enumChoices(props, explanations)}
        value={typeof props.value === 'string' ? props.value : undefined}
        onChange={(value) => props.onChange(value)}
        disabled={props.disabled || props.readonly}
        errors={props.rawErrors}
        description={props.schema.description}
      />
    );
  };
}

export const DiagnosisWidget = EnumCards(DIAGNOSES);
export const CoachingStyleWidget = EnumCards(STYLES);
export const EscalationActionWidget = EnumCards(ESCALATION_ACTIONS);

function YesNo(yes: Choice<boolean>, no: Choice<boolean>, note?: ReactNode) {
  return function YesNoWidget(props: WidgetProps) {
    return (
      <Stack gap="xs">
        <ChoiceCards
          id={props.id}
          label={widgetLabel(props)}
          required={props.required}
          choices={[yes, no]}
          value={typeof props.value === 'boolean' ? props.value : undefined}
          onChange={(value) => props.onChange(value)}
          disabled={props.disabled || props.readonly}
          errors={props.rawErrors}
          description={props.schema.description}
        />
        {note}
      </Stack>
    );
  };
}

export const KeptWidget = YesNo(
  { value: true, label: 'Yes, I did it', explanation: 'The agreed action was done.' },
  { value: false, label: 'No, I did not', explanation: 'The agreed action was not done.' },
  <Alert color="blue" variant="light" title="Trying and missing is safe">
    If you did what you committed to and the numbers did not move, that still counts as kept. Only an action
    not taken is a miss.
  </Alert>,
);

export const AcknowledgeWidget = YesNo(
  { value: true, label: 'I accept the plan', explanation: 'These commitments are mine.' },
  {
    value: false,
    label: 'Send it back',
    explanation: 'Something needs to change: your manager gets the plan back.',
  },
);
