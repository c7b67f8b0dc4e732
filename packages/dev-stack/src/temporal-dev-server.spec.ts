import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { temporalDevServerArgs } from './temporal-dev-server';

describe('temporalDevServerArgs', () => {
  it('persists to SQLite in WAL mode when given a file, and registers search attributes', () => {
    const args = temporalDevServerArgs({
      cliPath: '/bin/temporal',
      port: 7233,
      uiPort: 8233,
      dbFile: '.data/temporal.db',
      searchAttributes: [
        defineSearchAttributeKey('RepId', SearchAttributeType.KEYWORD),
        defineSearchAttributeKey('Tags', SearchAttributeType.KEYWORD_LIST),
      ],
    });
    expect(args.join(' ')).toContain('--db-filename .data/temporal.db --sqlite-pragma journal_mode=WAL');
    expect(args.join(' ')).toContain('--search-attribute RepId=Keyword --search-attribute Tags=KeywordList');
    expect(args.slice(0, 2)).toEqual(['server', 'start-dev']);
  });

  it('runs every task queue on one partition', () => {
    const args = temporalDevServerArgs({ cliPath: 't', port: 1, uiPort: 2 }).join(' ');
    expect(args).toContain('--dynamic-config-value matching.numTaskqueueReadPartitions=1');
    expect(args).toContain('--dynamic-config-value matching.numTaskqueueWritePartitions=1');
  });

  it('keeps everything in memory without a file', () => {
    const args = temporalDevServerArgs({ cliPath: 't', port: 1, uiPort: 2 });
    expect(args).not.toContain('--db-filename');
  });
});
