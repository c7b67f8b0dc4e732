import {
  type FormBody,
  type PlaybookBody,
  type RubricBody,
  TASK_KINDS,
  type TaskKind,
} from '@coachflow/contracts';
import { compileFormTree } from '@coachflow/forms';
import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  List,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiProblem, problemMessage } from '#web/api/problem';
import { emptyTree } from './form/tree-edits';
import {
  type ConfigurationCollection,
  createDraft,
  importPlaybook,
  listConfiguration,
  type Summary,
} from './lifecycle/configuration-api';
import { TASK_KIND_NAMES } from '#web/modules/tasks/task-kind-labels';

const NEW_RUBRIC: RubricBody = {
  name: 'New rubric',
  scale: { min: 1, max: 5, labels: { '1': 'Rarely', '3': 'Sometimes', '5': 'Consistently' } },
  competencies: [{ key: 'competency-1', name: 'Competency 1', weight: 1, target: 4, indicators: [] }],
};

function newPlaybook(rubricId: string): PlaybookBody {
  return {
    name: 'New playbook',
    rubricId,
    timings: {
      prioritiseDue: 'P7D',
      sessionDue: 'P7D',
      planLength: 'P30D',
      checkInGrace: 'P2D',
      escalateAfter: 'P2D',
    },
    escalation: { levels: ['manager', 'leader'] },
    maxFocusAreas: 2,
    observation: false,
    autoRenew: false,
  };
}

const PATHS = {
  rubrics: '/admin/builder/rubrics/$rubricId',
  forms: '/admin/builder/forms/$formId',
  playbooks: '/admin/builder/playbooks/$playbookId',
} as const;

function ConfigurationTable({
  collection,
  items,
}: {
  collection: ConfigurationCollection;
  items: Summary[];
}) {
  if (items.length === 0) return <Text c="dimmed">Nothing here yet: create one with the button above.</Text>;
  return (
    // Scrolls sideways inside itself on a phone; the page stays as wide as the screen.
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            {collection === 'forms' && <Table.Th>Task kind</Table.Th>}
            <Table.Th>Status</Table.Th>
            <Table.Th>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Link
                  to={PATHS[collection]}
                  params={{ rubricId: item.id, formId: item.id, playbookId: item.id } as never}
                >
                  {item.name}
                </Link>
              </Table.Td>
              {collection === 'forms' && (
                <Table.Td>{item.taskKind ? TASK_KIND_NAMES[item.taskKind] : 'Any'}</Table.Td>
              )}
              <Table.Td>
                <Badge variant="light" color={item.status === 'published' ? 'green' : 'yellow'}>
                  {item.status} v{item.version}
                </Badge>
                {item.publishedVersion && item.status !== 'published'
                  ? ` (v${item.publishedVersion} published)`
                  : ''}
              </Table.Td>
              <Table.Td>{new Date(item.updatedAt).toLocaleString()}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The builder's home: every rubric, form and playbook, a way to create each, and playbook import. */
export function BuilderHome() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<string | null>('forms');
  const [taskKind, setTaskKind] = useState<string | null>('coaching-session');
  const [error, setError] = useState<string>();
  const [imported, setImported] = useState<string>();
  const [importErrors, setImportErrors] = useState<{ path: string; message: string }[]>([]);
  const lists = useQuery({
    queryKey: ['configuration', 'builder-home'],
    queryFn: async () => ({
      rubrics: await listConfiguration('rubrics'),
      forms: await listConfiguration('forms'),
      playbooks: await listConfiguration('playbooks'),
    }),
  });

  const create = async (collection: ConfigurationCollection) => {
    setError(undefined);
    try {
      if (collection === 'rubrics') {
        const { view } = await createDraft('rubrics', NEW_RUBRIC);
        await navigate({ to: PATHS.rubrics, params: { rubricId: view.id } });
      } else if (collection === 'forms') {
        const kind = (taskKind ?? undefined) as TaskKind | undefined;
        const tree = emptyTree(kind);
        const { schema, uiSchema } = compileFormTree(tree);
        const body: FormBody = {
          name: kind ? `New ${TASK_KIND_NAMES[kind].toLowerCase()} form` : 'New form',
          ...(kind ? { taskKind: kind } : {}),
          schema,
          uiSchema,
        };
        const { view } = await createDraft('forms', body);
        await navigate({ to: PATHS.forms, params: { formId: view.id } });
      } else {
        const rubric = lists.data?.rubrics.find((item) => item.publishedVersion !== null);
        if (!rubric) {
          setError('A playbook needs a published rubric: publish one first.');
          return;
        }
        const { view } = await createDraft('playbooks', newPlaybook(rubric.id));
        await navigate({ to: PATHS.playbooks, params: { playbookId: view.id } });
      }
    } catch (failure) {
      setError(problemMessage(failure));
    }
  };

  const importFile = async (file: File | null) => {
    setImported(undefined);
    setImportErrors([]);
    setError(undefined);
    if (!file) return;
    let bundle: unknown;
    try {
      bundle = JSON.parse(await file.text());
    } catch {
      setError(`${file.name} is not a JSON file: export a playbook from its page to get one.`);
      return;
    }
    try {
      const result = await importPlaybook(bundle);
      setImported(result.playbookId);
      await queryClient.invalidateQueries({ queryKey: ['configuration'] });
    } catch (failure) {
      setError(problemMessage(failure));
      if (failure instanceof ApiProblem) setImportErrors(failure.errors);
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Builder</Title>
        <FileButton onChange={(file) => void importFile(file)} accept="application/json,.json">
          {(props) => (
            <Button variant="default" {...props}>
              Import a playbook bundle…
            </Button>
          )}
        </FileButton>
      </Group>
      <Text c="dimmed">
        Design rubrics, forms and playbooks. Drafts save as you go; publishing makes a version that new cycles
        use.
      </Text>
      {error && (
        <Alert color="red" role="alert" title="That did not work">
          {error}
          {importErrors.length > 0 && (
            <List size="sm" mt="xs">
              {importErrors.map((item) => (
                <List.Item key={`${item.path}:${item.message}`}>
                  <Text span fw={500}>
                    {item.path}
                  </Text>
                  : {item.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {imported && (
        <Alert color="green" role="status" title="Imported">
          The playbook, its rubric and forms were imported as new drafts.{' '}
          <Link to={PATHS.playbooks} params={{ playbookId: imported }}>
            Open the playbook
          </Link>
        </Alert>
      )}
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="rubrics">Rubrics</Tabs.Tab>
          <Tabs.Tab value="forms">Forms</Tabs.Tab>
          <Tabs.Tab value="playbooks">Playbooks</Tabs.Tab>
        </Tabs.List>
        {lists.isPending && <Text mt="sm">Loading…</Text>}
        {lists.isError && <Alert color="red">{problemMessage(lists.error)}</Alert>}
        <Tabs.Panel value="rubrics" pt="sm">
          <Button mb="sm" onClick={() => void create('rubrics')}>
            New rubric
          </Button>
          {lists.data && <ConfigurationTable collection="rubrics" items={lists.data.rubrics} />}
        </Tabs.Panel>
        <Tabs.Panel value="forms" pt="sm">
          <Group align="flex-end" mb="sm">
            <Select
              label="For task kind"
              data={[
                { value: '', label: 'Any (not bound)' },
                ...TASK_KINDS.map((kind) => ({ value: kind, label: TASK_KIND_NAMES[kind] })),
              ]}
              value={taskKind ?? ''}
              onChange={(value) => setTaskKind(value || null)}
              allowDeselect={false}
            />
            <Button onClick={() => void create('forms')}>New form</Button>
          </Group>
          {lists.data && <ConfigurationTable collection="forms" items={lists.data.forms} />}
        </Tabs.Panel>
        <Tabs.Panel value="playbooks" pt="sm">
          <Button mb="sm" onClick={() => void create('playbooks')}>
            New playbook
          </Button>
          {lists.data && <ConfigurationTable collection="playbooks" items={lists.data.playbooks} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
