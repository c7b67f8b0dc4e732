import { defaultFormId, uuidV5 } from './default-form-id';

describe('default form ids', () => {
  it('computes RFC 9562 version 5 UUIDs (the RFC’s DNS example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
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
