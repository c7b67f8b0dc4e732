import { rubric } from './forms.fixtures';
import { rubricRatingsSchema } from './rubric-ratings-schema';

describe('rubricRatingsSchema', () => {
  it('has one required rating per competency, titled and labelled from the rubric', () => {
    const schema = rubricRatingsSchema(rubric);
    expect(schema['required']).toEqual(['adaptability', 'building-trust']);
    const trust = (schema['properties'] as Record<string, Record<string, unknown>>)['building-trust']!;
    expect(trust).toMatchObject({
      type: 'integer',
      title: 'Building trust',
      description: 'Keeps promises',
      minimum: 1,
      maximum: 5,
    });
    expect(trust['oneOf']).toEqual([
      { const: 1, title: '1 – Rarely' },
      { const: 2, title: '2' },
      { const: 3, title: '3' },
      { const: 4, title: '4' },
      { const: 5, title: '5 – Consistently' },
    ]);
  });
});
