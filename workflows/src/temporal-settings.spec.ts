import { temporalSettingsFromEnv } from './temporal-settings';

describe('temporalSettingsFromEnv', () => {
  it('defaults to the local dev server and the coaching queue', () => {
    expect(temporalSettingsFromEnv({})).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'default',
      taskQueue: 'coaching',
    });
  });

  it('takes every setting from the environment', () => {
    const env = { TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_NAMESPACE: 'prod', TEMPORAL_TASK_QUEUE: 'q' };
    expect(temporalSettingsFromEnv(env)).toEqual({
      address: 'temporal:7233',
      namespace: 'prod',
      taskQueue: 'q',
    });
  });
});
