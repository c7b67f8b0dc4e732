import { loadLauncherConfig } from './launcher-config';

describe('loadLauncherConfig', () => {
  it('runs everything embedded under .data by default', () => {
    const config = loadLauncherConfig({}, '/repo');
    expect(config).toMatchObject({
      dataDir: '/repo/.data',
      appPort: 3000,
      databaseUrl: undefined,
      temporalAddress: undefined,
      temporalPort: 7233,
      temporalUiPort: 8233,
      smtpUrl: undefined,
      mailCatcherPort: 1025,
    });
  });

  it('uses an existing Postgres and Temporal when given', () => {
    const config = loadLauncherConfig(
      { DATABASE_URL: 'postgres://db/x', TEMPORAL_ADDRESS: 'tmp:7233', DATA_DIR: '/var/cf' },
      '/repo',
    );
    expect(config.databaseUrl).toBe('postgres://db/x');
    expect(config.temporalAddress).toBe('tmp:7233');
    expect(config.dataDir).toBe('/var/cf');
  });

  it('names a bad port setting', () => {
    expect(() => loadLauncherConfig({ TEMPORAL_PORT: '99999' }, '/repo')).toThrow(/TEMPORAL_PORT/);
  });
});
