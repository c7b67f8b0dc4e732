import { assertTableName } from '@coachflow/event-store';
import { findProjection, PROJECTIONS } from './projections';

describe('the projection registry', () => {
  it('has unique names and plain table names', () => {
    const names = PROJECTIONS.map((projection) => projection.name);
    expect(new Set(names).size).toBe(names.length);
    for (const projection of PROJECTIONS)
      for (const table of projection.tables) expect(assertTableName(table.name)).toBe(table.name);
  });

  it('finds a projection by name and nothing for an unknown one', () => {
    expect(findProjection('cycle-summaries')?.name).toBe('cycle-summaries');
    expect(findProjection('nope')).toBeUndefined();
  });
});
