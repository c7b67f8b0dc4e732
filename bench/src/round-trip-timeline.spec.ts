import { formatSegments, type RoundTripTimeline, summarizeSegments } from './round-trip-timeline';

const timeline = (offset: number, overrides: Partial<RoundTripTimeline> = {}): RoundTripTimeline => ({
  postedAt: offset,
  decidedAt: offset + 5,
  recordedAt: offset + 9,
  answeredAt: offset + 20,
  projectingAt: offset + 11,
  announcedAt: offset + 22,
  visibleAt: offset + 26,
  ...overrides,
});

describe('round trip timeline', () => {
  it('summarises each segment apart, from its own instants', () => {
    const segments = summarizeSegments([timeline(1000), timeline(2000, { visibleAt: 2040 })]);
    const byStart = (prefix: string) => segments.find((segment) => segment.name.startsWith(prefix));
    expect(byStart('POST → decided')).toMatchObject({ p50Ms: 5, p99Ms: 5 });
    expect(byStart('recorded → 200')).toMatchObject({ p50Ms: 11, p99Ms: 11 });
    expect(byStart('recorded → projection')).toMatchObject({ p50Ms: 2, p99Ms: 2 });
    expect(byStart('stream message → inbox')).toMatchObject({ p50Ms: 4, p99Ms: 18 });
    expect(byStart('POST → next task')).toMatchObject({ p50Ms: 26, p99Ms: 40 });
  });

  it('leaves out an instant the store did not have', () => {
    const [first] = summarizeSegments([timeline(0, { decidedAt: Number.NaN }), timeline(100)]);
    expect(first).toMatchObject({ p50Ms: 5, p99Ms: 5 });
    expect(formatSegments(summarizeSegments([]))).toContain('-');
  });
});
