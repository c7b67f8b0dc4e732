import { type FormTree } from '@coachflow/forms';
import { useSortable } from '@dnd-kit/sortable';
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useHistory } from '../history/useHistory';
import { kindName } from './field-words';
import { documentOf } from './form-draft';
import { FormBuilder } from './FormBuilder';
import { emptyTree } from './tree-edits';

// The preview renders through rjsf, which this spec does not exercise; the browser tests do.
jest.mock('./FormPreview', () => ({ FormPreview: () => null }));
// Every canvas row names its field's kind when it renders: counting the calls counts the rows rendered.
jest.mock('./field-words', () => {
  const actual = jest.requireActual('./field-words');
  return { ...actual, kindName: jest.fn(actual.kindName) };
});
// Counting the calls counts the rows whose drag hooks rendered.
jest.mock('@dnd-kit/sortable', () => {
  const actual = jest.requireActual('@dnd-kit/sortable');
  return { ...actual, useSortable: jest.fn(actual.useSortable) };
});

// Keys stay as they are while labels change, as in a form published before.
const EVERY_KEY_PUBLISHED = { has: () => true } as unknown as ReadonlySet<string>;

function Harness() {
  const history = useHistory<FormTree>(emptyTree('acknowledge-plan'));
  return (
    <MantineProvider>
      <FormBuilder
        tree={history.value}
        document={documentOf({ name: 'f', tree: history.value })}
        apiErrors={[]}
        publishedKeys={EVERY_KEY_PUBLISHED}
        onEdit={history.edit}
        onUndo={history.undo}
      />
    </MantineProvider>
  );
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe('FormCanvas', () => {
  it('renders only the edited row again when a field’s label changes', async () => {
    render(<Harness />);
    for (let i = 0; i < 5; i++) fireEvent.click(screen.getByRole('button', { name: 'Short text' }));
    fireEvent.click(screen.getByRole('button', { name: 'Date' }));
    await settle();
    jest.mocked(kindName).mockClear();

    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'Meeting day' } });
    await settle();

    expect(screen.getByRole('button', { name: 'Edit Meeting day, Date' })).toBeInTheDocument();
    const kindsRendered = jest.mocked(kindName).mock.calls.map(([kind]) => kind);
    expect(kindsRendered.length).toBeGreaterThan(0);
    expect(new Set(kindsRendered)).toEqual(new Set(['date']));
  });

  it('renders only the two rows that swapped places when a field moves', async () => {
    render(<Harness />);
    for (let i = 0; i < 5; i++) fireEvent.click(screen.getByRole('button', { name: 'Short text' }));
    fireEvent.click(screen.getByRole('button', { name: 'Date' }));
    await settle();
    jest.mocked(kindName).mockClear();
    jest.mocked(useSortable).mockClear();

    fireEvent.click(screen.getByRole('button', { name: 'Move Date up' }));
    await settle();

    const rows = screen
      .getAllByRole('listitem')
      .map((row) => row.getAttribute('aria-label') ?? row.textContent);
    expect(rows.at(-2)).toMatch(/^Date/);
    // A row names its kind twice (its button's name and its badge); the properties pane once, for Date.
    const kindsRendered = jest.mocked(kindName).mock.calls.map(([kind]) => kind);
    expect(kindsRendered.filter((kind) => kind === 'short-text')).toHaveLength(2);
    expect(new Set(kindsRendered)).toEqual(new Set(['date', 'short-text']));
    // No drag is active, so dnd-kit's order stays and the other rows' drag hooks do not render either.
    const draggedRows = new Set(jest.mocked(useSortable).mock.calls.map(([{ id }]) => id));
    expect(draggedRows.size).toBe(2);
  });
});
