import '@mantine/core/styles.css';
import { Container } from '@mantine/core';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from '#web/app/AppProviders';
import { createQueryClient } from '#web/app/query-client';
import { type FormDraft } from '#web/modules/builder/form/form-draft';
import { FormBuilder } from '#web/modules/builder/form/FormBuilder';
import { useHistory } from '#web/modules/builder/history/useHistory';
import { useCheckedDraft } from '#web/modules/builder/form/useCheckedDraft';
import { installLatencyProbe } from './latency-probe';
import { twoHundredFieldTree } from './two-hundred-fields';

/**
 * The form builder as its page mounts it (history, the compiled document, the API's validator just after
 * each edit), with a 200-field draft of a form published before (so keys stay as they are while labels
 * change), without the network: autosave is not what is timed.
 */
// Built once: as an argument in the component it was built again (200 keys derived) on every render.
const DRAFT: FormDraft = { name: 'Benchmark form', tree: twoHundredFieldTree() };

function Builder() {
  const history = useHistory<FormDraft>(DRAFT);
  const [publishedKeys] = useState(() => new Set(history.value.tree!.fields.map((field) => field.key)));
  const draft = history.value;
  const { document, apiErrors } = useCheckedDraft(draft);
  return (
    <FormBuilder
      tree={draft.tree!}
      document={document}
      apiErrors={apiErrors}
      publishedKeys={publishedKeys}
      onEdit={(tree, group) => history.edit({ ...draft, tree }, group)}
      onUndo={history.undo}
    />
  );
}

installLatencyProbe();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders queryClient={createQueryClient()}>
      <Container fluid py="md">
        <Builder />
      </Container>
    </AppProviders>
  </StrictMode>,
);
