import { MantineProvider } from '@mantine/core';
import type { RJSFSchema, UiSchema, WidgetProps } from '@rjsf/utils';
import { render, screen } from '@testing-library/react';
import { FormRenderer } from './FormRenderer';

// Each field's widget counts its renders by the field's id.
const renders = new Map<string, number>();
function CountingWidget(props: WidgetProps) {
  renders.set(props.id, (renders.get(props.id) ?? 0) + 1);
  return <input id={props.id} aria-label={props.label} readOnly value={String(props.value ?? '')} />;
}
const uiSchema: UiSchema = {
  first: { 'ui:widget': CountingWidget },
  second: { 'ui:widget': CountingWidget },
};

const form = (firstTitle: string, extra: Partial<RJSFSchema> = {}): RJSFSchema => ({
  type: 'object',
  properties: {
    first: { type: 'string', title: firstTitle },
    second: { type: 'string', title: 'Second' },
  },
  ...extra,
});

function renderForm(schema: RJSFSchema) {
  return (
    <MantineProvider>
      <FormRenderer schema={schema} uiSchema={uiSchema} preview />
    </MantineProvider>
  );
}

describe('SchemaField in the shared renderer', () => {
  beforeEach(() => renders.clear());

  it('renders again only the field whose schema changed', () => {
    const { rerender } = render(renderForm(form('First')));
    renders.clear();
    rerender(renderForm(form('First, renamed')));
    expect(screen.getByLabelText('First, renamed')).toBeInTheDocument();
    expect(renders.get('root_first')).toBeGreaterThan(0);
    expect(renders.get('root_second')).toBeUndefined();
  });

  it('renders a field following a $ref again when what it refers to changed', () => {
    const withRef = (noteTitle: string): RJSFSchema => ({
      ...form('First'),
      $defs: { note: { type: 'string', title: noteTitle } },
      properties: { first: { type: 'string', title: 'First' }, second: { $ref: '#/$defs/note' } },
    });
    const { rerender } = render(renderForm(withRef('Note')));
    expect(screen.getByLabelText('Note')).toBeInTheDocument();
    rerender(renderForm(withRef('Note, renamed')));
    expect(screen.getByLabelText('Note, renamed')).toBeInTheDocument();
  });
});
