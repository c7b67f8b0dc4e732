import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  compileFormTree,
  DRAFT_2020_12,
  type FieldNode,
  type FormTree,
  type ItemField,
  newField,
} from '@coachflow/forms';
import { FormPreview } from './FormPreview';
import { sameButOrder } from './same-but-order';
import { moveField } from './tree-edits';

// A field shown only when another is answered: the preview must follow the condition like the task page.
const document = {
  schema: {
    type: 'object',
    properties: { notes: { type: 'string', title: 'Notes <b>bold</b>' } },
    allOf: [
      {
        if: { properties: { notes: { const: 'no' } }, required: ['notes'] },
        then: { properties: { why: { type: 'string', title: 'Why not?' } } },
      },
    ],
  },
  uiSchema: {},
};

describe('FormPreview', () => {
  it('renders through the shared renderer, user text as text, and follows a condition as answers are typed', async () => {
    render(
      <MantineProvider>
        <FormPreview document={document} />
      </MantineProvider>,
    );
    expect(screen.getByText('Notes <b>bold</b>')).toBeInTheDocument();
    expect(screen.queryByText('Why not?')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit' })).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText(/Notes/), 'no');
    expect(await screen.findByText('Why not?')).toBeInTheDocument();
  });

  it('shows a conditional field of a task kind’s form, which the task page closes to unknown fields', async () => {
    const rubric = {
      name: 'R',
      scale: { min: 1, max: 5 },
      competencies: [{ key: 'trust', name: 'Trust', weight: 1, target: 4 }],
    };
    render(
      <MantineProvider>
        <FormPreview
          document={{ ...document, schema: { $schema: DRAFT_2020_12, ...document.schema } }}
          taskKind="follow-up"
          rubric={rubric}
        />
      </MantineProvider>,
    );
    await userEvent.type(screen.getByLabelText(/Notes/), 'no');
    expect(await screen.findByText('Why not?')).toBeInTheDocument();
  });

  it('shows a move in the new order, and a schema that changed only in order counts as the same', () => {
    const field = (label: string, key: string, conditional = false, required = true): FieldNode => ({
      ...(newField('short-text', []) as ItemField),
      label,
      key,
      required,
      conditions: conditional ? [{ field: 'first', op: 'is', value: 'x' }] : [],
    });
    const tree: FormTree = {
      title: 'T',
      description: '',
      fields: [field('First', 'first'), field('Second', 'second', true), field('Third', 'third')],
    };
    const moved = moveField(tree, 2, 0);
    const before = compileFormTree(tree);
    const after = compileFormTree(moved);
    expect(sameButOrder(before.schema, after.schema)).toBe(true);
    const relabelled = compileFormTree({
      ...tree,
      fields: [tree.fields[0]!, tree.fields[1]!, field('3rd', 'third')],
    });
    expect(sameButOrder(before.schema, relabelled.schema)).toBe(false);
    const optional = compileFormTree({
      ...tree,
      fields: [tree.fields[0]!, tree.fields[1]!, field('Third', 'third', false, false)],
    });
    expect(sameButOrder(before.schema, optional.schema)).toBe(false);

    const labels = () => screen.getAllByRole('textbox').map((input) => input.id);
    const view = render(
      <MantineProvider>
        <FormPreview document={before} />
      </MantineProvider>,
    );
    expect(labels()).toEqual(['root_first', 'root_third']);
    view.rerender(
      <MantineProvider>
        <FormPreview document={after} />
      </MantineProvider>,
    );
    expect(labels()).toEqual(['root_third', 'root_first']);
  });
});
