import { getRouteApi } from '@tanstack/react-router';
import { FormBuilderPage } from './form/FormBuilderPage';
import { PlaybookEditorPage } from './playbook/PlaybookEditorPage';
import { RubricEditorPage } from './rubric/RubricEditorPage';

const formRoute = getRouteApi('/app/admin/builder/forms/$formId');
const rubricRoute = getRouteApi('/app/admin/builder/rubrics/$rubricId');
const playbookRoute = getRouteApi('/app/admin/builder/playbooks/$playbookId');

// Keyed by id: opening another object starts a fresh editor (and history).
export function FormRoutePage() {
  const { formId } = formRoute.useParams();
  return <FormBuilderPage key={formId} formId={formId} />;
}

export function RubricRoutePage() {
  const { rubricId } = rubricRoute.useParams();
  return <RubricEditorPage key={rubricId} rubricId={rubricId} />;
}

export function PlaybookRoutePage() {
  const { playbookId } = playbookRoute.useParams();
  return <PlaybookEditorPage key={playbookId} playbookId={playbookId} />;
}
