import { writeFile } from 'node:fs/promises';
import { WORKFLOWS_PATH } from '@coachflow/workflows';
import { bundleWorkflowCode } from '@temporalio/worker';
import { DEFAULT_BUNDLE_PATH } from '#worker/workflow-source';

// Run by the worker's build: bundling once ahead of time makes each worker start in a second, not ten.
async function main(): Promise<void> {
  const target = process.argv[2] ?? DEFAULT_BUNDLE_PATH;
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: undefined });
  await writeFile(target, code);
  console.log(`workflow bundle written to ${target} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
