import type { RubricBody } from '@coachflow/contracts';
import { diffRubrics } from '@coachflow/forms';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useCallback, useMemo } from 'react';
import { useHistory } from '../history/useHistory';
import { readVersion, type ViewOf } from '../lifecycle/configuration-api';
import { EditorHeader } from '../lifecycle/EditorHeader';
import { useDraftLifecycle } from '../lifecycle/useDraftLifecycle';
import { moveItem, SortableList } from '../shared/SortableList';
import { newCompetency, rubricErrors, rubricKeyFromName, weightShare } from './rubric-edits';

const EMPTY: RubricBody = { name: '', scale: { min: 1, max: 5 }, competencies: [] };

function bodyOfView(view: ViewOf<'rubrics'>): RubricBody {
  const { name, description, scale, competencies, kpis } = view;
  return { name, ...(description ? { description } : {}), scale, competencies, ...(kpis ? { kpis } : {}) };
}

const optionalNumber = (value: string | number) => (typeof value === 'number' ? value : 0);

/** A rubric: its scale and labels, competencies as cards (reorderable), and KPIs; autosaved, published. */
export function RubricEditorPage({ rubricId }: { rubricId: string }) {
  const history = useHistory<RubricBody>(EMPTY);
  const rubric = history.value;
  const errors = useMemo(() => rubricErrors(rubric), [rubric]);
  const errorAt = (path: string) => errors.find((error) => error.path === path)?.message;
  const onLoad = useCallback(
    (view: ViewOf<'rubrics'>, asEdit: boolean) =>
      asEdit ? history.edit(bodyOfView(view)) : history.reset(bodyOfView(view)),
    [history.edit, history.reset],
  );
  const lifecycle = useDraftLifecycle({
    collection: 'rubrics',
    id: rubricId,
    body: rubric,
    check: errors.length === 0 ? 'valid' : 'invalid',
    onLoad,
  });
  const view = lifecycle.view;
  const keysEditable = !view?.publishedVersion;
  const edit = (next: Partial<RubricBody>, group?: string) => history.edit({ ...rubric, ...next }, group);
  const changes = useCallback(async () => {
    if (!view?.publishedVersion) return null;
    return diffRubrics(bodyOfView(await readVersion('rubrics', rubricId, view.publishedVersion)), rubric);
  }, [view?.publishedVersion, rubricId, rubric]);

  if (lifecycle.state.status === 'loading') return <Text>Loading the rubric…</Text>;
  const points = Array.from(
    { length: Math.max(0, Math.min(21, rubric.scale.max - rubric.scale.min + 1)) },
    (_, i) => rubric.scale.min + i,
  );
  const kpis = rubric.kpis ?? [];

  return (
    <Stack gap="md">
      <EditorHeader
        collection="rubrics"
        id={rubricId}
        title={`Rubric: ${rubric.name || 'Untitled'}`}
        lifecycle={lifecycle}
        history={history}
        publishable={errors.length === 0}
        changes={changes}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label="Name"
          value={rubric.name}
          error={errorAt('/name')}
          onChange={(e) => edit({ name: e.currentTarget.value }, 'name')}
        />
        <Textarea
          label="Description"
          autosize
          value={rubric.description ?? ''}
          onChange={(e) => edit({ description: e.currentTarget.value || undefined }, 'description')}
        />
      </SimpleGrid>

      <Card withBorder component="section" aria-labelledby="scale-title">
        <Title order={2} size="h4" id="scale-title">
          Scale
        </Title>
        <Group>
          <NumberInput
            label="Lowest point"
            min={0}
            max={100}
            value={rubric.scale.min}
            onChange={(v) => edit({ scale: { ...rubric.scale, min: optionalNumber(v) } }, 'scale-min')}
          />
          <NumberInput
            label="Highest point"
            min={1}
            max={100}
            value={rubric.scale.max}
            error={errorAt('/scale/max')}
            onChange={(v) => edit({ scale: { ...rubric.scale, max: optionalNumber(v) } }, 'scale-max')}
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} mt="sm">
          {points.map((point) => (
            <TextInput
              key={point}
              label={`Label of ${point}`}
              value={rubric.scale.labels?.[String(point)] ?? ''}
              onChange={(e) => {
                const labels = { ...(rubric.scale.labels ?? {}) };
                if (e.currentTarget.value) labels[String(point)] = e.currentTarget.value;
                else delete labels[String(point)];
                edit({ scale: { ...rubric.scale, labels } }, `label-${point}`);
              }}
            />
          ))}
        </SimpleGrid>
      </Card>

      <section aria-labelledby="competencies-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="competencies-title">
            Competencies
          </Title>
          <Button
            variant="light"
            onClick={() => edit({ competencies: [...rubric.competencies, newCompetency(rubric)] })}
          >
            Add competency
          </Button>
        </Group>
        {errorAt('/competencies') && <Text c="red.8">{errorAt('/competencies')}</Text>}
        <SortableList
          items={rubric.competencies}
          idOf={(competency) => `competency:${rubric.competencies.indexOf(competency)}`}
          labelOf={(competency) => competency.name || competency.key}
          noun="competencies"
          onMove={(from, to) => edit({ competencies: moveItem(rubric.competencies, from, to) })}
          empty={<Text c="dimmed">No competencies yet: add the behaviours this rubric rates.</Text>}
          renderItem={(competency, { handle }) => {
            const index = rubric.competencies.indexOf(competency);
            const at = `/competencies/${index}`;
            const set = (patch: Partial<typeof competency>, group?: string) =>
              edit(
                { competencies: rubric.competencies.map((c, i) => (i === index ? { ...c, ...patch } : c)) },
                group && `${index}:${group}`,
              );
            return (
              <Card withBorder mb="sm" padding="sm">
                <Group justify="space-between" wrap="nowrap">
                  {handle}
                  <Text fw={600} style={{ flex: 1 }}>
                    {competency.name || 'Unnamed competency'}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Delete ${competency.name || competency.key}`}
                    onClick={() => edit({ competencies: rubric.competencies.filter((_, i) => i !== index) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <TextInput
                    label="Name"
                    value={competency.name}
                    error={errorAt(`${at}/name`)}
                    onChange={(e) => {
                      const name = e.currentTarget.value;
                      const others = rubric.competencies.filter((_, i) => i !== index).map((c) => c.key);
                      // The key follows the name until the first publish; after that cycles rate by it.
                      set(keysEditable ? { name, key: rubricKeyFromName(name, others) } : { name }, 'name');
                    }}
                  />
                  <TextInput
                    label="Key"
                    description={
                      keysEditable
                        ? 'Editable until the rubric is first published'
                        : 'Fixed: published cycles rate by it'
                    }
                    readOnly={!keysEditable}
                    value={competency.key}
                    error={errorAt(`${at}/key`)}
                    onChange={(e) => set({ key: e.currentTarget.value }, 'key')}
                  />
                  <Textarea
                    label="Description"
                    autosize
                    value={competency.description ?? ''}
                    onChange={(e) => set({ description: e.currentTarget.value || undefined }, 'description')}
                  />
                  <Textarea
                    label="Observable indicators, one per line"
                    autosize
                    value={(competency.indicators ?? []).join('\n')}
                    onChange={(e) => set({ indicators: e.currentTarget.value.split('\n') }, 'indicators')}
                    onBlur={(e) =>
                      set({ indicators: e.currentTarget.value.split('\n').filter((line) => line.trim()) })
                    }
                  />
                  <NumberInput
                    label="Weight"
                    description={`Share of the total: ${weightShare(rubric, competency.weight)}`}
                    min={0}
                    value={competency.weight}
                    error={errorAt(`${at}/weight`)}
                    onChange={(v) => set({ weight: optionalNumber(v) }, 'weight')}
                  />
                  <NumberInput
                    label="Target on the scale"
                    min={rubric.scale.min}
                    max={rubric.scale.max}
                    value={competency.target}
                    error={errorAt(`${at}/target`)}
                    onChange={(v) => set({ target: optionalNumber(v) }, 'target')}
                  />
                </SimpleGrid>
              </Card>
            );
          }}
        />
      </section>

      <section aria-labelledby="kpis-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="kpis-title">
            KPIs
          </Title>
          <Button
            variant="light"
            onClick={() =>
              edit({
                kpis: [
                  ...kpis,
                  {
                    key: rubricKeyFromName(
                      `KPI ${kpis.length + 1}`,
                      kpis.map((k) => k.key),
                    ),
                    name: `KPI ${kpis.length + 1}`,
                    target: 10,
                    better: 'higher',
                  },
                ],
              })
            }
          >
            Add KPI
          </Button>
        </Group>
        <SortableList
          items={kpis}
          idOf={(kpi) => `kpi:${kpis.indexOf(kpi)}`}
          labelOf={(kpi) => kpi.name || kpi.key}
          noun="KPIs"
          onMove={(from, to) => edit({ kpis: moveItem(kpis, from, to) })}
          empty={
            <Text c="dimmed">No KPIs: add the numbers this rubric tracks (calls, win rate…), if any.</Text>
          }
          renderItem={(kpi, { handle }) => {
            const index = kpis.indexOf(kpi);
            const at = `/kpis/${index}`;
            const set = (patch: Partial<typeof kpi>, group?: string) =>
              edit(
                { kpis: kpis.map((k, i) => (i === index ? { ...k, ...patch } : k)) },
                group && `kpi${index}:${group}`,
              );
            return (
              <Group align="flex-end" mb="xs" wrap="wrap">
                {handle}
                <TextInput
                  label="Name"
                  value={kpi.name}
                  error={errorAt(`${at}/name`)}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    const others = kpis.filter((_, i) => i !== index).map((k) => k.key);
                    // As a competency's: the key follows the name until the first publish.
                    set(keysEditable ? { name, key: rubricKeyFromName(name, others) } : { name }, 'name');
                  }}
                />
                <TextInput
                  label="Key"
                  value={kpi.key}
                  error={errorAt(`${at}/key`)}
                  readOnly={!keysEditable}
                  onChange={(e) => set({ key: e.currentTarget.value }, 'key')}
                  w={140}
                />
                <TextInput
                  label="Unit"
                  value={kpi.unit ?? ''}
                  onChange={(e) => set({ unit: e.currentTarget.value || undefined }, 'unit')}
                  w={100}
                />
                <NumberInput
                  label="Target"
                  value={kpi.target}
                  onChange={(v) => set({ target: optionalNumber(v) }, 'target')}
                  w={110}
                />
                <Stack gap={2}>
                  <Text size="sm" fw={500} id={`kpi-${index}-better`}>
                    Better when
                  </Text>
                  <SegmentedControl
                    aria-labelledby={`kpi-${index}-better`}
                    data={[
                      { value: 'higher', label: 'Higher' },
                      { value: 'lower', label: 'Lower' },
                    ]}
                    value={kpi.better ?? 'higher'}
                    onChange={(better) => set({ better: better as 'higher' | 'lower' })}
                  />
                </Stack>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Delete ${kpi.name || kpi.key}`}
                  onClick={() => edit({ kpis: kpis.filter((_, i) => i !== index) })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            );
          }}
        />
      </section>
    </Stack>
  );
}
