import type { FormBody, RubricBody } from '@coachflow/contracts';
import { diffFormTrees, formTreeFromSchema } from '@coachflow/forms';
import { Alert, Button, Group, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useHistory } from '../history/useHistory';
import { listConfiguration, readVersion, type ViewOf } from '../lifecycle/configuration-api';
import { EditorHeader } from '../lifecycle/EditorHeader';
import { useDraftLifecycle } from '../lifecycle/useDraftLifecycle';
import { draftFromBody, type FormDraft } from './form-draft';
import { FormBuilder } from './FormBuilder';
import { FormPreview } from './FormPreview';
import { JsonView, problemCount, type UnusedJson } from './JsonView';
import { useCheckedDraft } from './useCheckedDraft';
import { TASK_KIND_NAMES } from '#web/modules/tasks/task-kind-labels';

function usePublishedRubrics() {
  return useQuery({
    queryKey: ['configuration', 'rubrics', 'published-bodies'],
    queryFn: async () => {
      const summaries = await listConfiguration('rubrics', 'published');
      return Promise.all(
        summaries.map(async (summary) => ({
          id: summary.id,
          rubric: (await readVersion(
            'rubrics',
            summary.id,
            summary.publishedVersion ?? summary.version,
          )) as RubricBody,
        })),
      );
    },
  });
}

const NO_KEYS: ReadonlySet<string> = new Set();

/** The field keys of the published version (none before the first publish): task data uses them. */
function usePublishedKeys(formId: string, version: number | null): ReadonlySet<string> {
  const keys = useQuery({
    queryKey: ['configuration', 'forms', formId, 'published-keys', version],
    enabled: version !== null,
    queryFn: async () => {
      const body = (await readVersion('forms', formId, version!)) as FormBody;
      const read = formTreeFromSchema(body);
      return new Set(
        read.ok ? read.tree.fields.map((field) => field.key) : Object.keys(body.schema.properties ?? {}),
      );
    },
  });
  return keys.data ?? NO_KEYS;
}

/** One form in the builder: edit visually or as JSON, autosaved, published with its changes shown. */
export function FormBuilderPage({ formId }: { formId: string }) {
  const history = useHistory<FormDraft>({ name: '' });
  const draft = history.value;
  const [tab, setTab] = useState<string | null>('build');
  // JSON typed in the JSON tab that is not the form (yet): kept across tabs until fixed or discarded.
  const [unusedJson, setUnusedJson] = useState<UnusedJson | null>(null);
  const rubrics = usePublishedRubrics();
  const [rubricId, setRubricId] = useState<string | null>(null);
  const rubric = (rubrics.data?.find((entry) => entry.id === rubricId) ?? rubrics.data?.[0])?.rubric;

  const { document, body, apiErrors, current } = useCheckedDraft(draft);
  const valid = current && apiErrors.length === 0 && draft.name.trim() !== '';

  const onLoad = useCallback(
    (view: ViewOf<'forms'>, asEdit: boolean) => {
      const loaded = draftFromBody(view);
      if (asEdit) history.edit(loaded);
      else history.reset(loaded);
      if (!loaded.tree) setTab('json');
    },
    [history.edit, history.reset],
  );
  const lifecycle = useDraftLifecycle({
    collection: 'forms',
    id: formId,
    body,
    check: !current ? 'checking' : valid ? 'valid' : 'invalid',
    onLoad,
    unsavedElsewhere: unusedJson !== null,
  });
  const view = lifecycle.view;

  const published = usePublishedKeys(formId, view?.publishedVersion ?? null);

  const changes = useCallback(async () => {
    if (!view?.publishedVersion) return null;
    const published = (await readVersion('forms', formId, view.publishedVersion)) as FormBody;
    const before = formTreeFromSchema(published);
    if (!before.ok || !draft.tree)
      return [{ change: 'changed' as const, subject: 'form', key: '', label: 'form', details: ['schema'] }];
    return diffFormTrees(before.tree, draft.tree);
  }, [view?.publishedVersion, formId, draft.tree]);

  if (lifecycle.state.status === 'loading') return <Text>Loading the form…</Text>;

  return (
    <Stack gap="sm">
      <EditorHeader
        collection="forms"
        id={formId}
        title={`Form: ${draft.name || 'Untitled'}`}
        detail={draft.taskKind ? `For ${TASK_KIND_NAMES[draft.taskKind]} tasks` : 'Not bound to a task kind'}
        lifecycle={lifecycle}
        history={history}
        publishable={valid}
        changes={changes}
        renderVersion={(version) => (
          <FormPreview
            document={{ schema: version.schema, uiSchema: version.uiSchema ?? {} }}
            taskKind={version.taskKind}
            rubric={rubric}
          />
        )}
      />
      <Group align="flex-end">
        <TextInput
          label="Form name"
          value={draft.name}
          error={draft.name.trim() === '' ? 'A form needs a name' : undefined}
          onChange={(event) => history.edit({ ...draft, name: event.currentTarget.value }, 'name')}
          w={320}
        />
        {rubrics.data && rubrics.data.length > 0 && (
          <Select
            label="Rubric for ratings and the preview"
            data={rubrics.data.map((entry) => ({ value: entry.id, label: entry.rubric.name }))}
            value={rubricId ?? rubrics.data[0]!.id}
            onChange={setRubricId}
            allowDeselect={false}
            w={280}
          />
        )}
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="build" disabled={!draft.tree}>
            Build
          </Tabs.Tab>
          <Tabs.Tab value="json">JSON</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="build" pt="sm">
          {unusedJson && (
            <Alert color="yellow" title="Your JSON is not in the form" mb="sm" role="alert">
              <Text size="sm">
                What you typed in the JSON tab has {problemCount(unusedJson.errors.length)}, so the form still
                uses its last valid version. It is kept as you typed it.
              </Text>
              <Group mt="xs">
                <Button size="xs" variant="default" onClick={() => setTab('json')}>
                  Back to the JSON
                </Button>
                <Button size="xs" color="red" variant="light" onClick={() => setUnusedJson(null)}>
                  Discard what I typed
                </Button>
              </Group>
            </Alert>
          )}
          {draft.tree && (
            <FormBuilder
              tree={draft.tree}
              document={document}
              apiErrors={apiErrors}
              rubric={rubric}
              publishedKeys={published}
              onEdit={(tree, group) => history.edit({ ...draft, tree, raw: undefined }, group)}
              onUndo={history.undo}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="json" pt="sm">
          <Stack>
            <JsonView
              document={document}
              taskKind={draft.taskKind}
              name={draft.name}
              reason={draft.raw?.reason}
              unused={unusedJson}
              onUnused={setUnusedJson}
              onValid={(next) =>
                history.edit(
                  'tree' in next
                    ? { ...draft, tree: next.tree, raw: undefined }
                    : { ...draft, tree: undefined, raw: next.raw },
                  'json',
                )
              }
            />
            {!draft.tree && <FormPreview document={document} taskKind={draft.taskKind} rubric={rubric} />}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
