import { RequestValidationException } from '#api/infrastructure/http/app.exception';
import { parseIfMatch } from './if-match';

describe('parseIfMatch', () => {
  it('reads the ETags the API gives out', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch('7')).toBe(7);
  });

  it('refuses anything else', () => {
    expect(() => parseIfMatch('*')).toThrow(RequestValidationException);
    expect(() => parseIfMatch('"abc"')).toThrow(RequestValidationException);
  });
});
