import { List, Paper, Stack, Text } from '@mantine/core';
import type { FieldProps, RJSFSchema } from '@rjsf/utils';
import { memo, useCallback, useRef } from 'react';
import type { FormContext } from '../form-context';
import { ScaleButtons } from './ScaleButtons';
import { scalePointsOf } from './schema-choices';

type Ratings = Record<string, number>;

interface RowProps {
  id: string;
  competencyKey: string;
  schema: RJSFSchema;
  indicators: readonly string[] | undefined;
  value: number | undefined;
  errors: readonly string[] | undefined;
  disabled: boolean;
  onRate: (key: string, value: number) => void;
}

const CompetencyRow = memo(function CompetencyRow({
  id,
  competencyKey,
  schema,
  indicators,
  value,
  errors,
  disabled,
  onRate,
}: RowProps) {
  const title = schema.title ?? competencyKey;
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Text fw={600} id={`${id}-title`}>
          {title}
        </Text>
        {schema.description && (
          <Text size="sm" c="dimmed">
            {schema.description}
          </Text>
        )}
        {indicators && indicators.length > 0 && (
          <List size="sm" spacing={2} aria-label={`What ${title} looks like`}>
            {indicators.map((indicator) => (
              <List.Item key={indicator}>{indicator}</List.Item>
            ))}
          </List>
        )}
        <ScaleButtons
          id={id}
          label={title}
          points={scalePointsOf(schema)}
          value={value}
          disabled={disabled}
          invalid={!!errors?.length}
          onChange={(rating) => onRate(competencyKey, rating)}
        />
        {errors?.map((error) => (
          <Text key={error} size="sm" c="red" role="alert">
            {error}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
});

/** Ratings on a rubric: one row per competency with its description and indicators, the scale as buttons. */
export function RubricRatingsField(props: FieldProps<Ratings>) {
  const { schema, formData, onChange, fieldPathId, errorSchema, disabled, readonly, registry } = props;
  const context = registry.formContext as FormContext | undefined;
  const ratings = formData ?? {};
  const path = fieldPathId.path;
  // The latest ratings through a ref keep onRate stable, so a rating re-renders only its own row.
  const latest = useRef(formData);
  latest.current = formData;
  const onRate = useCallback(
    (key: string, value: number) => onChange({ ...(latest.current ?? {}), [key]: value }, path),
    [onChange, path],
  );
  const properties = (schema.properties ?? {}) as Record<string, RJSFSchema>;
  const indicatorsOf = (key: string) =>
    context?.rubric?.competencies.find((competency) => competency.key === key)?.indicators;
  const errors = errorSchema as Record<string, { __errors?: string[] }> | undefined;

  return (
    <Stack gap="sm" role="group" aria-label={schema.title ?? 'Ratings'}>
      {schema.title && (
        <Text fw={700} size="lg">
          {schema.title}
        </Text>
      )}
      {(errorSchema as { __errors?: string[] } | undefined)?.__errors?.map((error) => (
        <Text key={error} size="sm" c="red" role="alert">
          {error}
        </Text>
      ))}
      {Object.entries(properties).map(([key, competencySchema]) => (
        <CompetencyRow
          key={key}
          id={`${fieldPathId.$id}_${key}`}
          competencyKey={key}
          schema={competencySchema}
          indicators={indicatorsOf(key)}
          value={ratings[key]}
          errors={errors?.[key]?.__errors}
          disabled={!!(disabled || readonly)}
          onRate={onRate}
        />
      ))}
    </Stack>
  );
}
