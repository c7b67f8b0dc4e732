/** What the integration suite's global setup provides to every test file, through the environment. */
export interface IntegrationEnv {
  databaseUrl: string;
  temporalAddress: string;
  /** Prebuilt workflow bundle, so workers in tests start in a second. */
  workflowBundlePath: string;
  temporalCli: string;
}

export function integrationEnv(): IntegrationEnv {
  const read = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run integration tests through test/jest.config.js`);
    return value;
  };
  return {
    databaseUrl: read('DATABASE_URL'),
    temporalAddress: read('TEMPORAL_ADDRESS'),
    workflowBundlePath: read('WORKFLOW_BUNDLE_PATH'),
    temporalCli: read('TEMPORAL_CLI'),
  };
}
