/** Path of the module a Temporal worker bundles: it exports every workflow function. */
export const WORKFLOWS_PATH: string = require.resolve('./workflows');
