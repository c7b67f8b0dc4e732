import { benchScale } from './bench-scale';

describe('benchScale', () => {
  it('defaults to 1', () => {
    expect(benchScale({})).toBe(1);
    expect(benchScale({ BENCH_SCALE: ' ' })).toBe(1);
  });

  it('reads a positive float', () => {
    expect(benchScale({ BENCH_SCALE: '0.2' })).toBe(0.2);
    expect(benchScale({ BENCH_SCALE: '3' })).toBe(3);
  });

  it('rejects what is not a positive number', () => {
    expect(() => benchScale({ BENCH_SCALE: 'fast' })).toThrow(/BENCH_SCALE/);
    expect(() => benchScale({ BENCH_SCALE: '0' })).toThrow(/BENCH_SCALE/);
    expect(() => benchScale({ BENCH_SCALE: '-1' })).toThrow(/BENCH_SCALE/);
  });
});
