import { Button, Group } from '@mantine/core';
import { type KeyboardEvent, memo, useRef } from 'react';

export interface ScalePoint {
  value: number;
  label: string;
}

export interface ScaleButtonsProps {
  id: string;
  /** The accessible name of the group, e.g. the competency. */
  label: string;
  points: readonly ScalePoint[];
  value: number | undefined;
  onChange: (value: number) => void;
  disabled?: boolean;
  invalid?: boolean;
}

/**
 * A rating scale as a row of buttons (one radio group): Tab enters it at the chosen point, arrows move and
 * choose, a digit key chooses that point directly.
 */
export const ScaleButtons = memo(function ScaleButtons({
  id,
  label,
  points,
  value,
  onChange,
  disabled,
  invalid,
}: ScaleButtonsProps) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const chosen = points.findIndex((point) => point.value === value);
  const focusable = chosen === -1 ? 0 : chosen;

  const choose = (index: number) => {
    const point = points[index];
    if (!point) return;
    onChange(point.value);
    refs.current[index]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const at = chosen === -1 ? focusable : chosen;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') choose(Math.min(points.length - 1, at + 1));
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') choose(Math.max(0, at - 1));
    else if (event.key === 'Home') choose(0);
    else if (event.key === 'End') choose(points.length - 1);
    else if (/^[0-9]$/.test(event.key)) {
      const index = points.findIndex((point) => point.value === Number(event.key));
      if (index === -1) return;
      choose(index);
    } else return;
    event.preventDefault();
  };

  return (
    <Group
      id={id}
      role="radiogroup"
      aria-label={label}
      aria-invalid={invalid || undefined}
      gap={6}
      onKeyDown={onKeyDown}
    >
      {points.map((point, index) => (
        <Button
          key={point.value}
          ref={(element) => {
            refs.current[index] = element;
          }}
          role="radio"
          aria-checked={point.value === value}
          tabIndex={index === focusable ? 0 : -1}
          variant={point.value === value ? 'filled' : 'default'}
          size="compact-sm"
          disabled={disabled}
          onClick={() => choose(index)}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
        >
          {point.label}
        </Button>
      ))}
    </Group>
  );
});
