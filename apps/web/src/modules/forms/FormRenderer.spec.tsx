import { MantineProvider } from '@mantine/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormRenderer } from './FormRenderer';

const checkIn: RJSFSchema = {
  type: 'object',
  properties: { kept: { type: 'boolean', title: 'Did you do it?' } },
  required: ['kept'],
};

const session: RJSFSchema = {
  type: 'object',
  properties: {
    commitments: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['title', 'due'],
        properties: { title: { type: 'string' }, measure: { type: 'string' }, due: { type: 'string' } },
      },
    },
  },
  required: ['commitments'],
};

const ratings: RJSFSchema = {
  type: 'object',
  properties: {
    ratings: {
      type: 'object',
      title: 'Ratings',
      properties: {
        trust: {
          type: 'integer',
          title: 'Building trust',
          description: 'Buyers believe what you say.',
          oneOf: [1, 2, 3].map((point) => ({ const: point, title: `${point} – level ${point}` })),
        },
      },
      required: ['trust'],
    },
  },
  required: ['ratings'],
};

function renderForm(props: Parameters<typeof FormRenderer>[0]) {
  return render(
    <MantineProvider>
      <FormRenderer {...props} />
    </MantineProvider>,
  );
}

describe('FormRenderer', () => {
  it('asks a check-in as yes/no with the reminder that trying and missing is safe', async () => {
    const user = userEvent.setup();
    const submitted: unknown[] = [];
    renderForm({ schema: checkIn, kind: 'commitment-check-in', onSubmit: (data) => submitted.push(data) });
    expect(screen.getByText('Trying and missing is safe')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Yes, I did it/ }));
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(submitted).toEqual([{ kept: true }]);
  });

  it('shows the API’s field errors beside the field they name', () => {
    renderForm({
      schema: session,
      kind: 'coaching-session',
      initialData: { commitments: [{ title: 'Ten calls a week', due: 'P1Y' }] },
      fieldErrors: [{ path: '/data/commitments/0/due', message: 'Due must be within the plan.' }],
    });
    const commitment = screen.getByRole('group', { name: 'Commitment 1' });
    expect(within(commitment).getByText('Due must be within the plan.')).toBeInTheDocument();
    expect(within(commitment).getByLabelText(/What will you do/)).toHaveValue('Ten calls a week');
  });

  it('adds a commitment and sends its quick due date as a duration', async () => {
    const user = userEvent.setup();
    const submitted: unknown[] = [];
    renderForm({ schema: session, kind: 'coaching-session', onSubmit: (data) => submitted.push(data) });
    await user.type(screen.getByLabelText(/What will you do/), 'Calls');
    await user.click(screen.getByRole('radio', { name: 'In 2 weeks' }));
    await user.click(screen.getByRole('button', { name: 'Add a commitment' }));
    expect(screen.getAllByRole('group', { name: /Commitment \d/ })).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Remove commitment 2' }));
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(submitted).toEqual([{ commitments: [{ title: 'Calls', due: 'P14D' }] }]);
  });

  it('renders a 2020-12 schema and chooses no rating before the person does', () => {
    renderForm({
      schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', ...ratings },
      kind: 'self-assessment',
    });
    expect(screen.getByRole('radio', { name: '1 – level 1' })).toHaveAttribute('aria-checked', 'false');
  });

  it('rates a competency with the keyboard and shows its indicators from the rubric', async () => {
    const user = userEvent.setup();
    const submitted: unknown[] = [];
    renderForm({
      schema: ratings,
      kind: 'self-assessment',
      context: {
        rubric: {
          scale: { min: 1, max: 3 },
          competencies: [
            { key: 'trust', name: 'Building trust', indicators: ['Keeps promises'], target: 3, weight: 1 },
          ],
        },
      },
      onSubmit: (data) => submitted.push(data),
    });
    expect(screen.getByText('Keeps promises')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '1 – level 1' }));
    await user.keyboard('3');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(submitted).toEqual([{ ratings: { trust: 3 } }]);
  });

  it('renders hostile text as text', () => {
    renderForm({
      schema: {
        type: 'object',
        title: '<img src=x onerror=alert(1)>',
        properties: { a: { type: 'string', title: '<b>bold</b>' } },
      },
    });
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });
});

/** Every kind of field a form can hold (the builder's palette and our widgets), each with its help. */
const helped: [string, RJSFSchema, UiSchema?][] = [
  ['short text', { type: 'string' }],
  ['long text', { type: 'string' }, { 'ui:widget': 'textarea' }],
  ['number', { type: 'number' }],
  ['whole number', { type: 'integer' }],
  ['date', { type: 'string', format: 'date' }],
  ['choice list', { type: 'string', enum: ['a', 'b'] }],
  ['choice buttons', { type: 'string', enum: ['a', 'b'] }, { 'ui:widget': 'radio' }],
  [
    'rating',
    { type: 'integer', oneOf: [1, 2, 3].map((point) => ({ const: point, title: String(point) })) },
    { 'ui:widget': 'radio', 'ui:options': { inline: true } },
  ],
  ['yes/no', { type: 'boolean' }],
  ['yes/no buttons', { type: 'boolean' }, { 'ui:widget': 'radio' }],
  [
    'several choices',
    { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['a', 'b'] } },
    { 'ui:widget': 'checkboxes' },
  ],
  ['choice cards', { type: 'string', enum: ['skill', 'will'] }, { 'ui:widget': 'diagnosis' }],
  ['yes/no cards', { type: 'boolean' }, { 'ui:widget': 'kept' }],
  ['due date', { type: 'string' }, { 'ui:widget': 'due' }],
];

describe.each(helped)('FormRenderer’s %s field', (name, schema, ui) => {
  it('shows its description (the builder’s help text) once', () => {
    renderForm({
      schema: { type: 'object', properties: { f: { ...schema, title: name, description: `About ${name}` } } },
      uiSchema: ui ? { f: ui } : undefined,
    });
    expect(screen.getAllByText(`About ${name}`)).toHaveLength(1);
  });

  it('shows its ui:help once', () => {
    renderForm({
      schema: { type: 'object', properties: { f: { ...schema, title: name } } },
      uiSchema: { f: { ...ui, 'ui:help': `Help on ${name}` } },
    });
    expect(screen.getAllByText(`Help on ${name}`)).toHaveLength(1);
  });
});
