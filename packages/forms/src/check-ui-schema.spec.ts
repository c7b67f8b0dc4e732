import { checkUiSchema } from './check-ui-schema';

const schema = {
  type: 'object',
  properties: {
    notes: { type: 'string' },
    commitments: { type: 'array', items: { type: 'object', properties: { title: { type: 'string' } } } },
  },
};

describe('checkUiSchema', () => {
  it('accepts hints on existing fields, nested ones and array items', () => {
    const ui = {
      'ui:order': ['notes', '*'],
      notes: { 'ui:widget': 'textarea' },
      commitments: { items: { title: { 'ui:autofocus': true } } },
    };
    expect(checkUiSchema(schema, ui)).toEqual([]);
    expect(checkUiSchema(schema, undefined)).toEqual([]);
  });

  it('names keys and ui:order entries that match no field', () => {
    const ui = {
      'ui:order': ['notse'],
      note: { 'ui:widget': 'textarea' },
      commitments: { items: { titel: {} } },
    };
    expect(checkUiSchema(schema, ui)).toEqual([
      { path: '/uiSchema/ui:order/0', message: 'names no field of the schema' },
      { path: '/uiSchema/note', message: 'names no field of the schema' },
      { path: '/uiSchema/commitments/items/titel', message: 'names no field of the schema' },
    ]);
  });
});
