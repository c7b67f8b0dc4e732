import { ESCALATION_LEVELS, type PlaybookBody, TASK_KINDS, type TaskKind } from '@coachflow/contracts';
import { diffPlaybooks, escalationSentence, validatePlaybook } from '@coachflow/forms';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Space,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useUsers } from '#web/modules/people/useUsers';
import { useHistory } from '../history/useHistory';
import { exportPlaybook, listConfiguration, readVersion, type ViewOf } from '../lifecycle/configuration-api';
import { EditorHeader } from '../lifecycle/EditorHeader';
import { useDraftLifecycle } from '../lifecycle/useDraftLifecycle';
import { moveItem, SortableList } from '../shared/SortableList';
import { DurationInput } from './DurationInput';
import { exampleEscalationNames } from './escalation-example';
import { TASK_KIND_NAMES } from '#web/modules/tasks/task-kind-labels';

const TIMINGS: {
  key: keyof PlaybookBody['timings'];
  label: string;
  description: string;
  optional?: boolean;
}[] = [
  { key: 'prioritiseDue', label: 'Assessments and priorities due', description: 'after the cycle starts' },
  { key: 'sessionDue', label: 'Coaching session due', description: 'after the priorities are set' },
  { key: 'planLength', label: 'Plan length', description: 'from the acknowledged plan to the review' },
  {
    key: 'followUpEvery',
    label: 'Follow up every',
    description: 'optional check-ins by the manager',
    optional: true,
  },
  { key: 'checkInGrace', label: 'Check-in grace', description: 'after a commitment falls due' },
  { key: 'escalateAfter', label: 'Escalate after', description: 'an escalation unresolved this long climbs' },
];

const ROLE_NAMES: Record<string, string> = {
  manager: 'The rep’s manager',
  leader: 'The next leader up',
  admin: 'An admin',
};

function bodyOfView(view: ViewOf<'playbooks'>): PlaybookBody {
  const { name, description, rubricId, forms, timings, escalation, maxFocusAreas, observation, autoRenew } =
    view;
  return {
    name,
    ...(description ? { description } : {}),
    rubricId,
    ...(forms ? { forms } : {}),
    timings,
    escalation,
    maxFocusAreas,
    observation,
    autoRenew,
  };
}

function download(name: string, content: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(content, null, 2)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  URL.revokeObjectURL(url);
}

/** A playbook: its rubric, a form per task kind, timings as people say them, the escalation chain. */
export function PlaybookEditorPage({ playbookId }: { playbookId: string }) {
  const history = useHistory<PlaybookBody | null>(null);
  const playbook = history.value;
  const choices = useQuery({
    queryKey: ['configuration', 'playbook-choices'],
    queryFn: async () => ({
      rubrics: await listConfiguration('rubrics', 'published'),
      forms: await listConfiguration('forms', 'published'),
    }),
  });
  const onLoad = useCallback(
    (view: ViewOf<'playbooks'>, asEdit: boolean) =>
      asEdit ? history.edit(bodyOfView(view)) : history.reset(bodyOfView(view)),
    [history.edit, history.reset],
  );
  // The published rubric the playbook names: the API's own playbook checks run here against it.
  const rubricSummary = choices.data?.rubrics.find((rubric) => rubric.id === playbook?.rubricId);
  const rubric = useQuery({
    queryKey: ['configuration', 'rubrics', rubricSummary?.id, 'version', rubricSummary?.publishedVersion],
    enabled: Boolean(rubricSummary?.publishedVersion),
    queryFn: () => readVersion('rubrics', rubricSummary!.id, rubricSummary!.publishedVersion!),
  });
  const problems = useMemo(
    () => (playbook ? validatePlaybook(playbook, { rubric: rubric.data, forms: {} }) : []),
    [playbook, rubric.data],
  );
  const problemAt = (path: string) => problems.find((problem) => problem.path === path)?.message;
  const invalid =
    !playbook || !playbook.name.trim() || playbook.escalation.levels.length === 0 || problems.length > 0;
  const lifecycle = useDraftLifecycle({
    collection: 'playbooks',
    id: playbookId,
    body: playbook,
    check: invalid ? 'invalid' : 'valid',
    onLoad,
  });
  const view = lifecycle.view;
  const { users } = useUsers();
  const example = useMemo(() => exampleEscalationNames(users), [users]);
  const changes = useCallback(async () => {
    if (!view?.publishedVersion || !playbook) return null;
    return diffPlaybooks(
      bodyOfView(await readVersion('playbooks', playbookId, view.publishedVersion)),
      playbook,
    );
  }, [view?.publishedVersion, playbookId, playbook]);

  if (lifecycle.state.status === 'loading' || !playbook) return <Text>Loading the playbook…</Text>;
  const edit = (patch: Partial<PlaybookBody>, group?: string) =>
    history.edit({ ...playbook, ...patch }, group);
  const levels = playbook.escalation.levels;

  return (
    <Stack gap="md">
      <EditorHeader
        collection="playbooks"
        id={playbookId}
        title={`Playbook: ${playbook.name || 'Untitled'}`}
        lifecycle={lifecycle}
        history={history}
        publishable={!invalid}
        changes={changes}
        actions={
          <Button
            variant="default"
            onClick={() =>
              void exportPlaybook(playbookId).then((bundle) =>
                download(`${playbook.name || 'playbook'}.json`, bundle),
              )
            }
          >
            Export
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label="Name"
          value={playbook.name}
          error={playbook.name.trim() ? undefined : 'A playbook needs a name'}
          onChange={(e) => edit({ name: e.currentTarget.value }, 'name')}
        />
        <Select
          label="Rubric (published)"
          data={(choices.data?.rubrics ?? []).map((rubric) => ({
            value: rubric.id,
            label: `${rubric.name} (v${rubric.publishedVersion})`,
          }))}
          value={playbook.rubricId}
          allowDeselect={false}
          onChange={(rubricId) => rubricId && edit({ rubricId })}
        />
        <Textarea
          label="Description"
          autosize
          value={playbook.description ?? ''}
          onChange={(e) => edit({ description: e.currentTarget.value || undefined }, 'description')}
        />
      </SimpleGrid>

      <Card withBorder component="section" aria-labelledby="forms-title">
        <Title order={2} size="h4" id="forms-title">
          Forms
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          Each task kind uses the organisation’s default form unless you choose another published one.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {TASK_KINDS.map((kind: TaskKind) => (
            <Select
              key={kind}
              label={TASK_KIND_NAMES[kind]}
              clearable
              placeholder="Default form"
              data={(choices.data?.forms ?? [])
                .filter((form) => !form.taskKind || form.taskKind === kind)
                .map((form) => ({ value: form.id, label: `${form.name} (v${form.publishedVersion})` }))}
              value={playbook.forms?.[kind] ?? null}
              onChange={(formId) => {
                const forms = { ...(playbook.forms ?? {}) };
                if (formId) forms[kind] = formId;
                else delete forms[kind];
                edit({ forms });
              }}
            />
          ))}
        </SimpleGrid>
      </Card>

      <Card withBorder component="section" aria-labelledby="timings-title">
        <Title order={2} size="h4" id="timings-title">
          Timings
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {TIMINGS.map((timing) => (
            <DurationInput
              key={timing.key}
              label={timing.label}
              description={timing.description}
              optional={timing.optional}
              value={playbook.timings[timing.key]}
              onChange={(iso) => {
                const timings = { ...playbook.timings };
                if (iso) timings[timing.key] = iso;
                else delete timings[timing.key];
                edit({ timings }, `timing-${timing.key}`);
              }}
            />
          ))}
        </SimpleGrid>
      </Card>

      <Card withBorder component="section" aria-labelledby="escalation-title">
        <Title order={2} size="h4" id="escalation-title">
          Escalation chain
        </Title>
        <Text role="status">{escalationSentence(levels, playbook.timings.escalateAfter)}</Text>
        {example && (
          <Text size="sm" c="dimmed">
            For example, in your organisation:{' '}
            {escalationSentence(levels, playbook.timings.escalateAfter, example)}
          </Text>
        )}
        <Space h="xs" />
        <SortableList
          items={levels.map((role, index) => ({ role, index }))}
          idOf={(level) => `level:${level.index}`}
          labelOf={(level) => `level ${level.index + 1}, ${ROLE_NAMES[level.role]}`}
          noun="escalation levels"
          onMove={(from, to) => edit({ escalation: { levels: moveItem(levels, from, to) } })}
          renderItem={(level, { handle }) => (
            <Group mb={4} wrap="nowrap">
              {handle}
              <Text w={70}>Level {level.index + 1}</Text>
              <Select
                aria-label={`Level ${level.index + 1} goes to`}
                error={problemAt(`/escalation/levels/${level.index}`)}
                data={ESCALATION_LEVELS.map((role) => ({ value: role, label: ROLE_NAMES[role]! }))}
                value={level.role}
                allowDeselect={false}
                onChange={(role) =>
                  role &&
                  edit({
                    escalation: {
                      levels: levels.map((r, i) => (i === level.index ? (role as typeof r) : r)),
                    },
                  })
                }
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove level ${level.index + 1}`}
                disabled={levels.length <= 1}
                onClick={() => edit({ escalation: { levels: levels.filter((_, i) => i !== level.index) } })}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          )}
        />
        <Button
          variant="light"
          mt="xs"
          disabled={levels.length >= 10}
          onClick={() => edit({ escalation: { levels: [...levels, 'leader'] } })}
        >
          Add a level
        </Button>
      </Card>

      <Group>
        <NumberInput
          label="Most focus areas"
          min={1}
          max={50}
          value={playbook.maxFocusAreas}
          error={problemAt('/maxFocusAreas')}
          onChange={(v) => edit({ maxFocusAreas: typeof v === 'number' ? v : 1 }, 'focus')}
          w={160}
        />
        <Switch
          label="Observation step"
          checked={playbook.observation}
          onChange={(e) => edit({ observation: e.currentTarget.checked })}
        />
        <Switch
          label="Start the next cycle automatically"
          checked={playbook.autoRenew}
          onChange={(e) => edit({ autoRenew: e.currentTarget.checked })}
        />
      </Group>
    </Stack>
  );
}
