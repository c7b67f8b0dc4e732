import '@mantine/dates/styles.css';
import { Button, Group, Stack } from '@mantine/core';
import { withTheme } from '@rjsf/core';
import { Theme } from '@rjsf/mantine';
import type { ErrorSchema, RegistryFieldsType, RegistryWidgetsType, RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { type ReactNode, memo, useMemo } from 'react';
import type { FormContext } from './form-context';
import { type FieldError, fieldErrorsToErrorSchema } from './field-errors';
import { BaseInputTemplate } from './base-input-template';
import { SchemaField } from './schema-field';
import { taskUiSchema } from './task-ui-schema';
import {
  AcknowledgeWidget,
  CoachingStyleWidget,
  DiagnosisWidget,
  EscalationActionWidget,
  KeptWidget,
} from './widgets/ChoiceCards';
import { CommitmentsField } from './widgets/CommitmentsField';
import { DueWidget } from './widgets/DueInput';
import { EscalationHistory } from './widgets/EscalationHistory';
import { FocusAreasField } from './widgets/FocusAreasField';
import { ObjectFieldTemplate } from './widgets/ObjectFieldTemplate';
import { RubricRatingsField } from './widgets/RubricRatingsField';
import { describedThemeWidgets } from './widgets/with-description';

type FormData = Record<string, unknown>;

/** Our widgets, by the names uiSchemas use (`ui:widget` / `ui:field`), and the theme's, showing help. */
export const formWidgets: RegistryWidgetsType = {
  ...describedThemeWidgets,
  diagnosis: DiagnosisWidget,
  coachingStyle: CoachingStyleWidget,
  escalationAction: EscalationActionWidget,
  kept: KeptWidget,
  acknowledge: AcknowledgeWidget,
  due: DueWidget,
};

export const formFields: RegistryFieldsType = {
  // A form whose schema changes (the builder's preview) renders again only the fields that changed.
  SchemaField,
  rubricRatings: RubricRatingsField,
  focusAreas: FocusAreasField,
  commitments: CommitmentsField,
};

// Built once, like the Form below, so rjsf's registry stays the same object across renders.
const formTemplates = { BaseInputTemplate, ObjectFieldTemplate };

// One themed Form for the whole app: built once, so rjsf's registry stays the same object across renders.
const ThemedForm = withTheme<FormData, RJSFSchema, FormContext>(Theme);

export interface FormRendererProps {
  schema: RJSFSchema;
  uiSchema?: UiSchema;
  /** The task kind whose core fields get our widgets (none in a free-form preview). */
  kind?: string;
  /** Initial answers; the form keeps its own state after that (so a keystroke re-renders one field). */
  initialData?: FormData;
  context?: FormContext;
  /** Field errors from the API's problem+json, each shown beside its field. */
  fieldErrors?: readonly FieldError[];
  /** Where the form's data sits in the request body the errors point into. */
  errorPrefix?: string;
  onChange?: (data: FormData) => void;
  onSubmit?: (data: FormData) => void;
  submitLabel?: string;
  submitting?: boolean;
  disabled?: boolean;
  /** Extra buttons beside submit. */
  actions?: ReactNode;
  /** The builder's preview: no submit button. */
  preview?: boolean;
}

/**
 * The one form renderer: task pages and the builder's preview both render through it, so a preview is
 * the real form. rjsf with the Mantine theme, our widgets on the task kinds' core fields, and the API's
 * field errors beside their fields.
 */
export const FormRenderer = memo(function FormRenderer({
  schema,
  uiSchema,
  kind,
  initialData,
  context,
  fieldErrors,
  errorPrefix = '/data',
  onChange,
  onSubmit,
  submitLabel = 'Submit',
  submitting,
  disabled,
  actions,
  preview,
}: FormRendererProps) {
  // The API validates against the declared dialect; rendering needs only the keywords, and rjsf's ajv
  // would refuse a `$schema` (2020-12) it has no meta-schema for.
  const renderable = useMemo(() => {
    const { $schema: _dialect, ...rest } = schema;
    return rest as RJSFSchema;
  }, [schema]);
  const ui = useMemo(
    () => taskUiSchema(kind, uiSchema, Object.keys(renderable.properties ?? {})),
    [kind, uiSchema, renderable],
  );
  const extraErrors = useMemo<ErrorSchema | undefined>(
    () => (fieldErrors?.length ? fieldErrorsToErrorSchema(fieldErrors, errorPrefix) : undefined),
    [fieldErrors, errorPrefix],
  );
  const history = context?.history;
  const escalationTitle =
    typeof context?.taskContext?.['title'] === 'string' ? context.taskContext['title'] : undefined;

  return (
    <Stack gap="md">
      {kind === 'resolve-escalation' && history && (
        <EscalationHistory title={escalationTitle} history={history} />
      )}
      <ThemedForm
        schema={renderable}
        uiSchema={ui}
        formData={initialData}
        formContext={context}
        validator={validator}
        widgets={formWidgets}
        fields={formFields}
        templates={formTemplates}
        extraErrors={extraErrors}
        showErrorList={false}
        noHtml5Validate
        disabled={disabled || submitting}
        // rjsf's default update strategy (deep comparison): "shallow" re-rendered all fields on every
        // keystroke, about 13x slower on 200 fields (npm run bench -- web, docs/benchmarks.md).
        // A rating scale's first point is not an answer: nothing is chosen until the person chooses.
        // Nor does a list start with empty items to satisfy its minItems (a focus area nobody picked).
        experimental_defaultFormStateBehavior={{
          constAsDefaults: 'never',
          arrayMinItems: { populate: 'never' },
        }}
        onChange={onChange ? (event) => onChange(event.formData ?? {}) : undefined}
        onSubmit={onSubmit ? (event) => onSubmit(event.formData ?? {}) : undefined}
      >
        {preview ? (
          <></>
        ) : (
          <Group mt="md">
            <Button type="submit" loading={submitting}>
              {submitLabel}
            </Button>
            {actions}
          </Group>
        )}
      </ThemedForm>
    </Stack>
  );
});
