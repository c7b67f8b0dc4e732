import { act, fireEvent, screen } from '@testing-library/react';
import { renderFormBuilder } from './form-builder-harness';

// The preview renders through rjsf, which this spec does not exercise; the browser tests do.
jest.mock('./FormPreview', () => ({ FormPreview: () => null }));

let builder: ReturnType<typeof renderFormBuilder>;
const keys = () => builder.tree().fields.map((field) => field.key);
const press = (key: string, options: KeyboardEventInit = {}) =>
  act(() => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: true, ...options }));
  });

describe('FormBuilder', () => {
  it('adds from the palette, reorders by buttons, deletes with undo, and undoes/redoes by keyboard', () => {
    builder = renderFormBuilder();
    expect(screen.getAllByText(/Every acknowledge-plan form keeps this field/).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /Delete I accept this plan/ })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Short text' }));
    fireEvent.click(screen.getByRole('button', { name: 'Date' }));
    expect(keys()).toEqual(['accepted', 'shortText', 'date']);

    fireEvent.click(screen.getByRole('button', { name: 'Move Date up' }));
    expect(keys()).toEqual(['accepted', 'date', 'shortText']);

    fireEvent.click(screen.getByRole('button', { name: 'Delete Date' }));
    expect(keys()).toEqual(['accepted', 'shortText']);
    expect(screen.getByText('Deleted “Date”.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(keys()).toEqual(['accepted', 'date', 'shortText']);

    press('z');
    expect(keys()).toEqual(['accepted', 'shortText', 'date']);
    press('y');
    expect(keys()).toEqual(['accepted', 'date', 'shortText']);
    press('z');
    press('z', { shiftKey: true });
    expect(keys()).toEqual(['accepted', 'date', 'shortText']);
  });

  it('lets a key follow its label until it is published or chosen by hand', () => {
    builder = renderFormBuilder(new Set(['date']));
    fireEvent.click(screen.getByRole('button', { name: 'Short text' }));
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'Next step?' } });
    expect(keys()).toEqual(['accepted', 'nextStep']);
    fireEvent.change(screen.getByLabelText('Key'), { target: { value: 'step' } });
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'Next steps' } });
    expect(keys()).toEqual(['accepted', 'step']);

    fireEvent.click(screen.getByRole('button', { name: 'Date' })); // "date" is in the published version
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'Meeting day' } });
    expect(keys()).toEqual(['accepted', 'step', 'date']);
    expect(screen.getByLabelText('Key')).toHaveAttribute('readonly');
  });

  it('reorders the fields of a repeating group’s items', () => {
    builder = renderFormBuilder();
    fireEvent.click(screen.getByRole('button', { name: 'Repeating group' }));
    fireEvent.click(screen.getByRole('combobox', { name: 'Add a field to each item' }));
    fireEvent.click(screen.getByRole('option', { name: 'Date' }));
    const itemKeys = () => {
      const group = builder.tree().fields.find((field) => field.kind === 'group');
      return group?.kind === 'group' ? group.fields.map((field) => field.key) : [];
    };
    expect(itemKeys()).toEqual(['title', 'field']);
    fireEvent.click(screen.getByRole('button', { name: 'Move Date up' }));
    expect(itemKeys()).toEqual(['field', 'title']);
    press('z');
    expect(itemKeys()).toEqual(['title', 'field']);
  });

  it('renders hostile labels as text', () => {
    builder = renderFormBuilder();
    fireEvent.click(screen.getByRole('button', { name: 'Short text' }));
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: '<img src=x onerror=alert(1)>' } });
    expect(screen.getAllByText('<img src=x onerror=alert(1)>').length).toBeGreaterThan(0);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });
});
