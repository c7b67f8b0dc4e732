import '@mantine/core/styles.css';
import { Container } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from '#web/app/AppProviders';
import { createQueryClient } from '#web/app/query-client';
import { FormRenderer } from '#web/modules/forms';
import { draftKeeper } from '#web/modules/tasks/task-draft';
import { installLatencyProbe } from './latency-probe';
import { renderable, twoHundredFieldDocument } from './two-hundred-fields';

// The app's shared form renderer with the 200-field form, in the app's own providers and theme, mounted as
// the task page mounts it (changes kept as a draft in sessionStorage once typing pauses).
installLatencyProbe();
const draft = draftKeeper('bench');
const { schema, uiSchema } = renderable(twoHundredFieldDocument());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders queryClient={createQueryClient()}>
      <Container size="sm" py="md">
        <FormRenderer schema={schema} uiSchema={uiSchema} onChange={draft.save} onSubmit={() => undefined} />
      </Container>
    </AppProviders>
  </StrictMode>,
);
