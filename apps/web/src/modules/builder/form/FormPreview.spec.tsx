import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DRAFT_2020_12 } from '@coachflow/forms';
import { FormPreview } from './FormPreview';

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
});
