import { loadWorkerConfig } from './worker-config';

describe('loadWorkerConfig', () => {
  it('needs a database', () => {
    expect(() => loadWorkerConfig({})).toThrow(/DATABASE_URL/);
  });

  it('reads Temporal settings and an optional prebuilt bundle', () => {
    const config = loadWorkerConfig({
      DATABASE_URL: 'postgres://x/y',
      TEMPORAL_TASK_QUEUE: 'q1',
      WORKFLOW_BUNDLE_PATH: '/b.js',
    });
    expect(config.temporal.taskQueue).toBe('q1');
    expect(config.workflowBundlePath).toBe('/b.js');
  });

  it('takes a sticky cache size, refusing one the SDK would not', () => {
    expect(loadWorkerConfig({ DATABASE_URL: 'postgres://x/y' }).workflowCacheSize).toBeUndefined();
    expect(
      loadWorkerConfig({ DATABASE_URL: 'postgres://x/y', WORKFLOW_CACHE_SIZE: '6000' }).workflowCacheSize,
    ).toBe(6000);
    expect(() => loadWorkerConfig({ DATABASE_URL: 'postgres://x/y', WORKFLOW_CACHE_SIZE: '1' })).toThrow(
      /WORKFLOW_CACHE_SIZE/,
    );
  });
});
