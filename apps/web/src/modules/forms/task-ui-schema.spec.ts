import { taskUiSchema } from './task-ui-schema';

describe('taskUiSchema', () => {
  it('puts our widgets on a kind’s core fields and keeps the rest of the design', () => {
    expect(
      taskUiSchema('set-priorities', { 'ui:order': ['style', '*'], style: { 'ui:help': 'How you coach' } }),
    ).toEqual({
      'ui:order': ['style', '*'],
      focusAreas: { 'ui:field': 'focusAreas' },
      diagnosis: { 'ui:widget': 'diagnosis', 'ui:title': 'Why the gap? (diagnosis)' },
      style: { 'ui:help': 'How you coach', 'ui:widget': 'coachingStyle', 'ui:title': 'Coaching style' },
    });
  });

  it('leaves a widget the designer chose', () => {
    expect(taskUiSchema('commitment-check-in', { kept: { 'ui:widget': 'radio' } })['kept']).toEqual({
      'ui:widget': 'radio',
    });
  });

  it('titles and orders a kind’s core fields, unless the designer did', () => {
    const ui = taskUiSchema('resolve-escalation', { due: { 'ui:title': 'When, then?' } });
    expect(ui['ui:order']).toEqual(['action', 'due', '*']);
    expect(ui['due']).toEqual({ 'ui:widget': 'due', 'ui:title': 'When, then?' });
    expect(taskUiSchema('resolve-escalation', { 'ui:order': ['due', '*'] })['ui:order']).toEqual([
      'due',
      '*',
    ]);
  });

  it('orders only the fields the form has', () => {
    expect(taskUiSchema('commitment-check-in', {}, ['kept'])['ui:order']).toEqual(['kept', '*']);
  });

  it('changes nothing without a kind', () => {
    const ui = { a: { 'ui:widget': 'textarea' } };
    expect(taskUiSchema(undefined, ui)).toBe(ui);
  });
});
