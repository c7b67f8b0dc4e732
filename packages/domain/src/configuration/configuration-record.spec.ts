import type { ConfigurationEvent } from './configuration-events';
import {
  evolveConfigurationRecord,
  initialConfigurationRecord,
  latestPublishedVersion,
} from './configuration-record';

const events: ConfigurationEvent[] = [
  {
    id: 'e1',
    type: 'ConfigurationDrafted',
    data: { id: 'r1', kind: 'rubric', organisationId: 'o1', version: 1, body: { n: 1 }, by: 'a', at: 't1' },
  },
  { id: 'e2', type: 'ConfigurationChanged', data: { version: 1, body: { n: 2 }, by: 'b', at: 't2' } },
  { id: 'e3', type: 'ConfigurationPublished', data: { version: 1, by: 'c', at: 't3' } },
  { id: 'e4', type: 'ConfigurationChanged', data: { version: 2, body: { n: 3 }, by: 'd', at: 't4' } },
];

describe('the configuration record', () => {
  it('keeps who created, changed and published each version, and when', () => {
    const record = events.reduce(evolveConfigurationRecord, initialConfigurationRecord());
    expect(record).toMatchObject({ id: 'r1', kind: 'rubric', organisationId: 'o1' });
    expect(record.versions).toEqual([
      {
        version: 1,
        status: 'published',
        body: { n: 2 },
        createdBy: 'a',
        createdAt: 't1',
        updatedBy: 'b',
        updatedAt: 't2',
        publishedBy: 'c',
        publishedAt: 't3',
      },
      {
        version: 2,
        status: 'draft',
        body: { n: 3 },
        createdBy: 'd',
        createdAt: 't4',
        updatedBy: 'd',
        updatedAt: 't4',
      },
    ]);
    expect(record.state.versions).toHaveLength(2);
    expect(latestPublishedVersion(record)?.version).toBe(1);
  });

  it('has no published version before the first publish', () => {
    const record = events.slice(0, 2).reduce(evolveConfigurationRecord, initialConfigurationRecord());
    expect(latestPublishedVersion(record)).toBeUndefined();
  });
});
