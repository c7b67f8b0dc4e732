import { taskUiSchema } from './task-ui-schema';

describe('taskUiSchema', () => {
  it('puts our widgets on a kind’s core fields and keeps the rest of the design', () => {
    expect(
      taskUiSchema('set-priorities', { 'ui:order': ['style', '*'], style: { 'ui:help': 'How you coach' } }),
    ).toEqual({
      'ui:order': ['style', '*'],
      focusAreas: { 'ui:field': 'focusAreas' },
      diagnosis: { 'ui:widget': 'diagnosis' },
      style: { 'ui:help': 'How you coach', 'ui:widget': 'coachingStyle' },
    });
  });

  it('leaves a widget the designer chose', () => {
    expect(taskUiSchema('commitment-check-in', { kept: { 'ui:widget': 'radio' } })['kept']).toEqual({
      'ui:widget': 'radio',
    });
  });

  it('changes nothing without a kind', () => {
    const ui = { a: { 'ui:widget': 'textarea' } };
    expect(taskUiSchema(undefined, ui)).toBe(ui);
  });
});
