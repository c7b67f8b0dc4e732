import { defaultFormId } from './default-form-id';

describe('default form ids', () => {
  it('never change: every organisation already has its default forms under these ids', () => {
    expect(defaultFormId('0b9b1f0e-4c4e-4d7e-9a51-0d2b1b0e6f11', 'self-assessment')).toBe(
      '8f6b73de-c09f-55e0-85af-625b1812eb50',
    );
  });

  it('is stable per organisation and kind and differs across them', () => {
    const org = '0b9b1f0e-4c4e-4d7e-9a51-0d2b1b0e6f11';
    expect(defaultFormId(org, 'self-assessment')).toBe(defaultFormId(org, 'self-assessment'));
    expect(defaultFormId(org, 'self-assessment')).not.toBe(defaultFormId(org, 'cycle-review'));
    expect(defaultFormId(org, 'observation')).not.toBe(
      defaultFormId('7d3f2c1a-0000-4000-8000-000000000000', 'observation'),
    );
    expect(defaultFormId(org, 'follow-up')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
