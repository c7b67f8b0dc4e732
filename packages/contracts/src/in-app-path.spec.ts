import { inAppPath } from './in-app-path';

describe('inAppPath', () => {
  it('keeps a path of this origin, with its search and hash', () => {
    expect(inAppPath('/')).toBe('/');
    expect(inAppPath('/cycles/c1?tab=timeline#x')).toBe('/cycles/c1?tab=timeline#x');
  });

  it('refuses anything that could lead to another origin or split a header', () => {
    for (const value of [
      'https://evil.test/',
      '//evil.test/',
      '/\\evil.test/',
      'evil.test',
      '',
      '/ok\r\nSet-Cookie: x=1',
      '/with space',
      '/caf\u00e9',
      `/${'a'.repeat(2000)}`,
      42,
      undefined,
    ])
      expect(inAppPath(value)).toBeUndefined();
  });
});
