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

/**
 * @rjsf/mantine's object template, each property in a plain `div` instead of a Mantine `Box`: rjsf renders
 * the template again on every keystroke, and 200 Boxes (styles, hooks, DOM props) cost more than the one
 * field that changed (a CPU profile of the web bench's 200-field form).
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
            <div key={property.name}>{property.content}</div>
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
