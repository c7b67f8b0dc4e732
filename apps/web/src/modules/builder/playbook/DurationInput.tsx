import { describeIsoDuration, parseSpokenDuration } from '@coachflow/forms';
import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';

/** A duration typed the way people say it ("5 days", "2 weeks"), shown with its ISO 8601 value. */
export function DurationInput(props: {
  label: string;
  description?: string;
  value: string | undefined;
  optional?: boolean;
  error?: string;
  onChange: (iso: string | undefined) => void;
}) {
  const [text, setText] = useState(() => (props.value ? describeIsoDuration(props.value) : ''));
  const [problem, setProblem] = useState<string>();
  // An undo or a reload shows the new value unless it is what the current text already says.
  useEffect(() => {
    if (
      (props.value ?? null) !== (parseSpokenDuration(text) ?? null) &&
      !(props.optional && !props.value && !text.trim())
    )
      setText(props.value ? describeIsoDuration(props.value) : '');
  }, [props.value]);
  const iso = parseSpokenDuration(text);
  return (
    <TextInput
      label={props.label}
      description={[props.description, iso ? `= ${iso}` : undefined].filter(Boolean).join(' · ')}
      placeholder={props.optional ? 'Not set' : 'e.g. 5 days'}
      value={text}
      error={problem ?? props.error}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const parsed = parseSpokenDuration(next);
        if (!next.trim() && props.optional) {
          setProblem(undefined);
          props.onChange(undefined);
        } else if (parsed) {
          setProblem(undefined);
          props.onChange(parsed);
        } else setProblem('Say it like “5 days”, “2 weeks and 3 days” or “90 minutes”');
      }}
    />
  );
}
