import '@mantine/core/styles.css';
import { validateFormBody } from '@coachflow/forms';
import { Container } from '@mantine/core';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from '#web/app/AppProviders';
import { createQueryClient } from '#web/app/query-client';
import { bodyOf, documentOf, type FormDraft } from '#web/modules/builder/form/form-draft';
import { FormBuilder } from '#web/modules/builder/form/FormBuilder';
import { useHistory } from '#web/modules/builder/history/useHistory';
import { installLatencyProbe } from './latency-probe';
import { twoHundredFieldTree } from './two-hundred-fields';

/**
 * The form builder as its page mounts it (history, the compiled document, the API's validator on every
 * edit), with a 200-field draft of a form published before (so keys stay as they are while labels
 * change), without the network: autosave is not what is timed.
 */
function Builder() {
  const history = useHistory<FormDraft>({ name: 'Benchmark form', tree: twoHundredFieldTree() });
  const [publishedKeys] = useState(() => new Set(history.value.tree!.fields.map((field) => field.key)));
  const draft = history.value;
  const document = useMemo(() => documentOf(draft), [draft]);
  const apiErrors = useMemo(() => validateFormBody(bodyOf(draft)), [draft]);
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
