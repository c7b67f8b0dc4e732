import { compileFormSchema, DRAFT_07, DRAFT_2020_12 } from './compile-form-schema';

describe('compileFormSchema', () => {
  const notes = {
    type: 'object',
    properties: { notes: { type: 'string', maxLength: 10 } },
    required: ['notes'],
  };

  it('compiles draft 2020-12 and draft-07 schemas into validators', () => {
    for (const $schema of [DRAFT_2020_12, DRAFT_07, undefined]) {
      const compiled = compileFormSchema({ ...notes, ...($schema ? { $schema } : {}) });
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
      expect(compiled.validate({ notes: 'short' })).toBe(true);
      expect(compiled.validate({ notes: 'much too long' })).toBe(false);
    }
  });

  it('understands draft 2020-12 keywords such as prefixItems', () => {
    const compiled = compileFormSchema({
      $schema: DRAFT_2020_12,
      type: 'object',
      properties: {
        pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], items: false },
      },
    });
    expect(compiled.ok && compiled.validate({ pair: ['a', 1] })).toBe(true);
    expect(compiled.ok && compiled.validate({ pair: ['a', 1, 2] })).toBe(false);
  });

  it('runs patterns in linear time: a catastrophic pattern answers at once', () => {
    const compiled = compileFormSchema({
      type: 'object',
      properties: { name: { type: 'string', pattern: '^(a+)+$' } },
    });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const started = performance.now();
    expect(compiled.validate({ name: `${'a'.repeat(5000)}b` })).toBe(false);
    expect(compiled.validate({ name: 'aaaa' })).toBe(true);
    // Backtracking takes seconds at 31 characters and doubles per character; 5,000 would never end.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses patterns the linear engine cannot run, with their paths', () => {
    const compiled = compileFormSchema(
      {
        type: 'object',
        properties: { twice: { type: 'string', pattern: '^(a)\\1$' } },
        patternProperties: { '^(?=x)': { type: 'string' } },
        default: { pattern: '(?=fine-in-data)' },
      },
      '/schema',
    );
    expect(!compiled.ok && compiled.errors.map((error) => error.path)).toEqual([
      '/schema/properties/twice/pattern',
      '/schema/patternProperties/^(?=x)',
    ]);
  });

  it('names what is wrong with an invalid schema, under the given path', () => {
    const compiled = compileFormSchema(
      { type: 'object', properties: { age: { type: 'whole-number' } } },
      '/schema',
    );
    expect(compiled.ok).toBe(false);
    expect(
      !compiled.ok && compiled.errors.some((e) => e.path.startsWith('/schema/properties/age/type')),
    ).toBe(true);
  });

  it('refuses non-objects, unknown drafts, non-object forms, and absurd sizes or depths', () => {
    const message = (schema: unknown) => {
      const compiled = compileFormSchema(schema);
      return compiled.ok ? 'compiled' : `${compiled.errors[0]!.path} ${compiled.errors[0]!.message}`;
    };
    expect(message('nope')).toMatch(/^\/ must be a JSON Schema object/);
    expect(message({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' })).toMatch(
      /^\/\$schema/,
    );
    expect(message({ type: 'string' })).toMatch(/^\/type/);
    expect(message({ type: 'object', description: 'x'.repeat(300 * 1024) })).toMatch(/KiB/);
    let deep: Record<string, unknown> = { type: 'object' };
    for (let i = 0; i < 40; i++) deep = { type: 'object', properties: { nested: deep } };
    expect(message(deep)).toMatch(/nest/);
  });
});
