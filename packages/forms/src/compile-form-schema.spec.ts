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
