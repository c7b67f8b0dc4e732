/** The shared form renderer: task pages and the builder's preview import it from here. */
export { FormRenderer, formFields, formWidgets, type FormRendererProps } from './FormRenderer';
export type { CommitmentHistoryEntry, FormContext, RubricForForms } from './form-context';
export { fieldErrorsToErrorSchema, type FieldError } from './field-errors';
export { taskUiSchema } from './task-ui-schema';
