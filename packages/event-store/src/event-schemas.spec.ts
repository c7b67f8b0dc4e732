import { EventSchemas } from './event-schemas';

describe('EventSchemas', () => {
  // Given a CommitmentMade that once had `dueDate` (v1), then `dueAt` (v2), then a measure (v3)
  const schemas = new EventSchemas()
    .upcast('CommitmentMade', 1, ({ dueDate, ...rest }) => ({ ...rest, dueAt: dueDate }))
    .upcast('CommitmentMade', 2, (data) => ({ ...data, measure: data['measure'] ?? null }));

  it('writes new events at the latest version', () => {
    expect(schemas.currentVersion('CommitmentMade')).toBe(3);
    expect(schemas.currentVersion('CycleStarted')).toBe(1);
  });

  it('lifts old data through every step to the current shape', () => {
    expect(schemas.toCurrent('CommitmentMade', 1, { title: 'Calls', dueDate: '2026-12-01' })).toEqual({
      title: 'Calls',
      dueAt: '2026-12-01',
      measure: null,
    });
    expect(schemas.toCurrent('CommitmentMade', 2, { title: 'Calls', dueAt: 'x', measure: 10 })).toEqual({
      title: 'Calls',
      dueAt: 'x',
      measure: 10,
    });
  });

  it('leaves current data and unversioned types alone', () => {
    const data = { title: 'Calls', dueAt: 'x', measure: 1 };
    expect(schemas.toCurrent('CommitmentMade', 3, data)).toBe(data);
    expect(schemas.toCurrent('CycleStarted', 1, data)).toBe(data);
  });

  it('refuses a gap in the chain and a second upcaster for one version', () => {
    const gappy = new EventSchemas().upcast('X', 2, (d) => d);
    expect(() => gappy.toCurrent('X', 1, {})).toThrow(/no upcaster from version 1/);
    expect(() => gappy.upcast('X', 2, (d) => d)).toThrow(/already has/);
  });
});
