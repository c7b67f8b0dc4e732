import { nextCursor, parsePageQuery } from './page-query';
import { RequestValidationException } from './app.exception';

describe('page queries', () => {
  it('defaults to 50 items from the start', () => {
    expect(parsePageQuery({})).toEqual({ limit: 50, after: undefined });
  });

  it('round-trips a cursor', () => {
    const id = '6f1c2c64-2d7d-4c43-9d0f-8f1c9c6a0b11';
    const cursor = nextCursor([{ id }], 1);
    expect(cursor).not.toBeNull();
    expect(parsePageQuery({ cursor: cursor!, limit: '1' })).toEqual({ limit: 1, after: id });
  });

  it('has no next page after a short one', () => {
    expect(nextCursor([{ id: 'a' }], 2)).toBeNull();
  });

  it('rejects limits outside 1..200 and forged cursors', () => {
    expect(() => parsePageQuery({ limit: '0' })).toThrow(RequestValidationException);
    expect(() => parsePageQuery({ limit: '201' })).toThrow(RequestValidationException);
    for (const forged of [
      "' OR 1=1 --",
      '-'.repeat(36),
      'z'.repeat(36),
      '0123456789abcdef0123456789abcdef0123',
    ])
      expect(() => parsePageQuery({ cursor: Buffer.from(forged).toString('base64url') })).toThrow(
        RequestValidationException,
      );
  });
});
