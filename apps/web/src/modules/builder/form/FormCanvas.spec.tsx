import { useSortable } from '@dnd-kit/sortable';
import { act, fireEvent, screen } from '@testing-library/react';
import { kindName } from './field-words';
import { renderFormBuilder } from './form-builder-harness';

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

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe('FormCanvas', () => {
  it('renders only the edited row again when a field’s label changes', async () => {
    renderFormBuilder(EVERY_KEY_PUBLISHED);
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

  it('renders no row again when a field moves past another', async () => {
    renderFormBuilder(EVERY_KEY_PUBLISHED);
    for (let i = 0; i < 5; i++) fireEvent.click(screen.getByRole('button', { name: 'Short text' }));
    fireEvent.click(screen.getByRole('button', { name: 'Date' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move Date up' }));
    await settle();
    jest.mocked(kindName).mockClear();
    jest.mocked(useSortable).mockClear();

    // In the middle of the list: neither row reaches or leaves an end, so neither shows anything new.
    fireEvent.click(screen.getByRole('button', { name: 'Move Date up' }));
    await settle();

    const rows = screen
      .getAllByRole('listitem')
      .map((row) => row.getAttribute('aria-label') ?? row.textContent);
    expect(rows.at(-3)).toMatch(/^Date/);
    // The properties pane names its field's kind (the fields its conditions can test changed); no row does.
    const kindsRendered = jest.mocked(kindName).mock.calls.map(([kind]) => kind);
    expect(new Set(kindsRendered)).toEqual(new Set(['date']));
    // No drag is active, so dnd-kit's order stays, and no row's drag hook renders either.
    expect(jest.mocked(useSortable)).not.toHaveBeenCalled();
  });

  it('renders the rows that reach or leave an end of the list', async () => {
    renderFormBuilder(EVERY_KEY_PUBLISHED);
    fireEvent.click(screen.getByRole('button', { name: 'Short text' }));
    fireEvent.click(screen.getByRole('button', { name: 'Date' }));
    await settle();
    jest.mocked(kindName).mockClear();

    fireEvent.click(screen.getByRole('button', { name: 'Move Date up' }));
    await settle();

    expect(screen.getByRole('button', { name: 'Move Short text down' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Date down' })).toBeEnabled();
    const kindsRendered = jest.mocked(kindName).mock.calls.map(([kind]) => kind);
    expect(new Set(kindsRendered)).toEqual(new Set(['date', 'short-text']));
  });
});
