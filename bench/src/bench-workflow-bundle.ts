import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BENCH_WORKFLOWS_PATH } from '@coachflow/workflows';
import { bundleWorkflowCode } from '@temporalio/worker';

/**
 * Bundles the product's workflows together with the bare baselines (benchNoop, benchFieldHolder, ...) into
 * bench/dist and returns the file's path, for a bench's worker to load through WORKFLOW_BUNDLE_PATH. The
 * production bundle leaves the baselines out, so only benches bundle them, once per run.
 */
export async function benchWorkflowBundle(say: (line: string) => void): Promise<string> {
  // Not bench-workflow-bundle.js: that is this module compiled, and overwriting it broke every later run.
  const target = join(__dirname, 'bench-workflows.bundle.js');
  say('bundling the workflows with the bench baselines');
  const { code } = await bundleWorkflowCode({ workflowsPath: BENCH_WORKFLOWS_PATH, logger: undefined });
  await writeFile(target, code);
  return target;
}
