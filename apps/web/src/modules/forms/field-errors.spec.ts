import { fieldErrorsToErrorSchema } from './field-errors';

describe('fieldErrorsToErrorSchema', () => {
  it('puts each message under the field its pointer names', () => {
    expect(
      fieldErrorsToErrorSchema([
        { path: '/data/commitments/0/due', message: 'must be in the future' },
        { path: '/data/commitments/0/due', message: 'or a duration' },
        { path: '/data/diagnosis', message: 'must be one of skill, will, unclear' },
      ]),
    ).toEqual({
      commitments: { '0': { due: { __errors: ['must be in the future', 'or a duration'] } } },
      diagnosis: { __errors: ['must be one of skill, will, unclear'] },
    });
  });

  it('shows errors on the whole form, or outside it, at the top', () => {
    expect(
      fieldErrorsToErrorSchema([
        { path: '/data', message: 'must have required property ratings' },
        { path: '/other', message: 'unexpected' },
      ]),
    ).toEqual({ __errors: ['must have required property ratings', 'unexpected'] });
  });

  it('unescapes ~1 and ~0 in keys', () => {
    expect(fieldErrorsToErrorSchema([{ path: '/data/a~1b~0c', message: 'x' }])).toEqual({
      'a/b~c': { __errors: ['x'] },
    });
  });
});
