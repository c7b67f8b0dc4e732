import { Container, Group, type MantineSpacing, SimpleGrid } from '@mantine/core';
import {
  buttonId,
  canExpand,
  descriptionId,
  getTemplate,
  getUiOptions,
  type ObjectFieldTemplateProps,
  titleId,
} from '@rjsf/utils';
import type { CSSProperties } from 'react';

/**
 * Each field of a form is laid out and painted only while it is near the screen: a 200-field form (the
 * builder's preview beside its canvas) otherwise costs every frame its style, layout and paint, whatever the
 * frame changed. `auto` remembers a field's size once it was shown, so the scrollbar stays put. Paint
 * containment clips at the padding box, so 4 px of padding (taken back by the margin) keeps a focus ring
 * (2 px at a 2 px offset) whole.
 */
const FIELD_STYLE: CSSProperties = {
  contentVisibility: 'auto',
  containIntrinsicSize: 'auto 64px',
  padding: 4,
  margin: -4,
};

/**
 * @rjsf/mantine's object template, each property in a plain `div` instead of a Mantine `Box`: rjsf renders
 * the template again on every keystroke, and 200 Boxes (styles, hooks, DOM props) cost more than the one
 * field that changed (a CPU profile of the web bench's 200-field form). The `div` skips rendering while off
 * screen (`FIELD_STYLE`).
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { title, description, disabled, readonly, required, properties, optionalDataControl } = props;
  const { schema, uiSchema, fieldPathId, formData, registry, onAddProperty } = props;
  const uiOptions = getUiOptions(uiSchema);
  const TitleFieldTemplate = getTemplate('TitleFieldTemplate', registry, uiOptions);
  const DescriptionFieldTemplate = getTemplate('DescriptionFieldTemplate', registry, uiOptions);
  const { AddButton } = registry.templates.ButtonTemplates;
  const controlInTitle = !readonly && !disabled;
  return (
    <Container id={fieldPathId.$id} p={0}>
      {title && (
        <TitleFieldTemplate
          id={titleId(fieldPathId)}
          title={title}
          required={required}
          schema={schema}
          uiSchema={uiSchema}
          registry={registry}
          optionalDataControl={controlInTitle ? optionalDataControl : undefined}
        />
      )}
      {description && (
        <DescriptionFieldTemplate
          id={descriptionId(fieldPathId)}
          description={description}
          schema={schema}
          uiSchema={uiSchema}
          registry={registry}
        />
      )}
      <SimpleGrid
        cols={typeof uiOptions.gridCols === 'number' ? uiOptions.gridCols : undefined}
        spacing={uiOptions.gridSpacing as MantineSpacing | undefined}
        verticalSpacing={uiOptions.gridVerticalSpacing as MantineSpacing | undefined}
        mb="sm"
      >
        {controlInTitle ? undefined : optionalDataControl}
        {properties
          .filter((property) => !property.hidden)
          .map((property) => (
            <div key={property.name} style={FIELD_STYLE}>
              {property.content}
            </div>
          ))}
      </SimpleGrid>
      {canExpand(schema, uiSchema, formData) && (
        <Group mt="xs" justify="flex-end">
          <AddButton
            id={buttonId(fieldPathId, 'add')}
            disabled={disabled || readonly}
            onClick={onAddProperty}
            className="rjsf-object-property-expand"
            uiSchema={uiSchema}
            registry={registry}
          />
        </Group>
      )}
    </Container>
  );
}
