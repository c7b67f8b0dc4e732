import { bodyRuleBreach, MAX_BODY_DEPTH } from './request-body-rules';

describe('the request body rule', () => {
  it('lets ordinary text through, right-to-left and emoji included', () => {
    expect(
      bodyRuleBreach({ name: 'שלום \u202Eabc', tags: ['😀', 'a~/b'], nested: { n: 1, ok: true } }),
    ).toBeNull();
    expect(bodyRuleBreach(null)).toBeNull();
  });

  it('refuses NUL and lone surrogates in values, with the pointer to them', () => {
    expect(bodyRuleBreach({ data: { notes: 'a\u0000b' } })).toEqual({
      path: '/data/notes',
      message: 'must not contain the NUL character (U+0000)',
    });
    expect(bodyRuleBreach({ data: { items: ['ok', '\ud800'] } })?.path).toBe('/data/items/1');
    expect(bodyRuleBreach({ x: 'tail \udc00' })?.message).toBe(
      'must not contain a lone surrogate (half of a UTF-16 pair)',
    );
    expect(bodyRuleBreach({ 'a/b': { 'c~d': '\u0000' } })?.path).toBe('/a~1b/c~0d');
  });

  it('refuses a bad key at the object holding it', () => {
    expect(bodyRuleBreach({ schema: { properties: { 'x\u0000': {} } } })).toEqual({
      path: '/schema/properties',
      message: 'must not have a key containing the NUL character (U+0000)',
    });
  });

  it('refuses bodies nested deeper than the limit, without recursion', () => {
    const nest = (levels: number): unknown => {
      let value: unknown = 'leaf';
      for (let level = 0; level < levels; level += 1) value = level % 2 ? [value] : { a: value };
      return value;
    };
    expect(bodyRuleBreach(nest(MAX_BODY_DEPTH))).toBeNull();
    expect(bodyRuleBreach(nest(MAX_BODY_DEPTH + 1))?.message).toBe(
      `must nest at most ${MAX_BODY_DEPTH} levels`,
    );
    expect(bodyRuleBreach(nest(200_000))?.path.startsWith('/')).toBe(true);
  });
});
