import Ajv from 'ajv';
import { ajvErrorsToFieldErrors } from './ajv-errors-to-field-errors';

const ajv = new Ajv({ allErrors: true });

describe('ajvErrorsToFieldErrors', () => {
  const validate = ajv.compile({
    type: 'object',
    additionalProperties: false,
    required: ['data'],
    properties: {
      data: {
        type: 'object',
        properties: {
          commitments: {
            type: 'array',
            items: { type: 'object', required: ['due'], properties: { due: { type: 'string' } } },
          },
        },
      },
    },
  });

  it('points at the missing field itself', () => {
    validate({ data: { commitments: [{ due: '2026-12-01' }, {}] } });
    expect(ajvErrorsToFieldErrors(validate.errors)).toEqual([
      { path: '/data/commitments/1/due', message: 'is required' },
    ]);
  });

  it('points at a field that is not allowed and at a wrongly typed one', () => {
    validate({ data: { commitments: [{ due: 5 }] }, 'a/b': true });
    expect(ajvErrorsToFieldErrors(validate.errors)).toEqual(
      expect.arrayContaining([
        { path: '/a~1b', message: 'is not allowed here' },
        { path: '/data/commitments/0/due', message: 'must be string' },
      ]),
    );
  });

  it('uses the root pointer for a body of the wrong type', () => {
    validate('nonsense');
    expect(ajvErrorsToFieldErrors(validate.errors)).toEqual([{ path: '/', message: 'must be object' }]);
  });
});
