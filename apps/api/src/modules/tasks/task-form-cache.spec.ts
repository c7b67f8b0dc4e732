import { TaskFormCache } from './task-form-cache';

describe('TaskFormCache', () => {
  it('loads a key once and shares the result', async () => {
    const cache = new TaskFormCache<number>(10);
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    expect(loads).toBe(1);
  });

  it('drops the least recently used entry beyond its capacity', async () => {
    const cache = new TaskFormCache<string>(2);
    await cache.get('a', () => Promise.resolve('a1'));
    await cache.get('b', () => Promise.resolve('b1'));
    await cache.get('a', () => Promise.resolve('a2'));
    await cache.get('c', () => Promise.resolve('c1'));
    expect(cache.size).toBe(2);
    expect(await cache.get('a', () => Promise.resolve('a3'))).toBe('a1');
    expect(await cache.get('b', () => Promise.resolve('b2'))).toBe('b2');
  });

  it('forgets a failed load so the next request retries', async () => {
    const cache = new TaskFormCache<string>(2);
    await expect(cache.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('a', () => Promise.resolve('ok'))).toBe('ok');
  });
});
