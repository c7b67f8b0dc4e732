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
});
