import { Badge, Checkbox, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { FieldProps, RJSFSchema } from '@rjsf/utils';
import type { FormContext } from '../form-context';

interface Gap {
  competencyKey: string;
  name: string;
  target: number;
  selfRating: number | null;
  managerRating: number | null;
  weightedGap: number;
  disagreement: boolean;
}

interface KpiShortfall {
  kpiKey: string;
  name: string;
  target: number;
  actual: number;
  shortfall: number;
}

function isGap(value: unknown): value is Gap {
  return typeof value === 'object' && value !== null && 'competencyKey' in value && 'name' in value;
}

function isShortfall(value: unknown): value is KpiShortfall {
  return typeof value === 'object' && value !== null && 'kpiKey' in value && 'shortfall' in value;
}

/**
 * The ranked gaps the cycle computed (largest first), or, in a preview without a cycle, the rubric's
 * competencies or the schema's allowed values with no ratings.
 */
function gapsOf(context: FormContext | undefined, schema: RJSFSchema): Gap[] {
  const fromTask = context?.taskContext?.['gaps'];
  if (Array.isArray(fromTask)) return fromTask.filter(isGap);
  const blank = (competencyKey: string, name: string, target = 0): Gap => ({
    competencyKey,
    name,
    target,
    selfRating: null,
    managerRating: null,
    weightedGap: 0,
    disagreement: false,
  });
  if (context?.rubric) return context.rubric.competencies.map((c) => blank(c.key, c.name, c.target));
  const items = schema.items as RJSFSchema | undefined;
  return (Array.isArray(items?.enum) ? items.enum : []).map((value) => blank(String(value), String(value)));
}

function maxOf(context: FormContext | undefined, schema: RJSFSchema): number {
  const fromTask = context?.taskContext?.['maxFocusAreas'];
  if (typeof fromTask === 'number' && fromTask > 0) return fromTask;
  return typeof schema.maxItems === 'number' ? schema.maxItems : 2;
}

const rating = (value: number | null) => (value === null ? '–' : String(value));

/** Pick the focus areas from the ranked gaps: self and manager side by side, disagreements flagged. */
export function FocusAreasField(props: FieldProps<string[]>) {
  const { schema, formData, onChange, fieldPathId, errorSchema, disabled, readonly, registry } = props;
  const context = registry.formContext as FormContext | undefined;
  // Only real picks: an array's empty placeholder items are no choice.
  const chosen = (formData ?? []).filter((key): key is string => typeof key === 'string');
  const max = maxOf(context, schema);
  const gaps = gapsOf(context, schema);
  const shortfalls = Array.isArray(context?.taskContext?.['kpiShortfalls'])
    ? (context.taskContext['kpiShortfalls'] as unknown[]).filter(isShortfall)
    : [];
  const errors = (errorSchema as { __errors?: string[] } | undefined)?.__errors;

  const toggle = (key: string, on: boolean) =>
    onChange(on ? [...chosen, key] : chosen.filter((candidate) => candidate !== key), fieldPathId.path);

  return (
    <Stack gap="sm">
      <div>
        <Text fw={700} size="lg" id={`${fieldPathId.$id}-label`}>
          {schema.title ?? 'Focus areas'}
        </Text>
        <Text size="sm" c="dimmed">
          Choose 1 to {max} behaviours to work on; more than two overwhelms and nothing changes. Largest gaps
          come first.
        </Text>
      </div>
      <Table.ScrollContainer minWidth={420}>
        <Table aria-labelledby={`${fieldPathId.$id}-label`} verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Focus</Table.Th>
              <Table.Th>Competency</Table.Th>
              <Table.Th>Self</Table.Th>
              <Table.Th>Manager</Table.Th>
              <Table.Th>Target</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {gaps.map((gap) => {
              const checked = chosen.includes(gap.competencyKey);
              return (
                <Table.Tr key={gap.competencyKey}>
                  <Table.Td>
                    <Checkbox
                      id={`${fieldPathId.$id}_${gap.competencyKey}`}
                      aria-label={`Focus on ${gap.name}`}
                      checked={checked}
                      disabled={!!(disabled || readonly) || (!checked && chosen.length >= max)}
                      onChange={(event) => toggle(gap.competencyKey, event.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{gap.name}</Text>
                      {gap.disagreement && (
                        <Tooltip label="Self and manager ratings differ a lot: talk about it">
                          <Badge color="orange" variant="light" size="sm">
                            Disagree
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{rating(gap.selfRating)}</Table.Td>
                  <Table.Td>{rating(gap.managerRating)}</Table.Td>
                  <Table.Td>{gap.target || '–'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shortfalls.length > 0 && (
        <div>
          <Text fw={600} size="sm">
            KPIs below target
          </Text>
          {shortfalls.map((kpi) => (
            <Text key={kpi.kpiKey} size="sm">
              {kpi.name}: {kpi.actual} of {kpi.target} ({Math.round(kpi.shortfall * 100)}% short)
            </Text>
          ))}
        </div>
      )}
      <Text size="sm" aria-live="polite">
        {chosen.length} of at most {max} chosen
      </Text>
      {errors?.map((error) => (
        <Text key={error} size="sm" c="red" role="alert">
          {error}
        </Text>
      ))}
    </Stack>
  );
}
