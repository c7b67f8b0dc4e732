import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WORKFLOWS_PATH } from '@coachflow/workflows';
import type { WorkerOptions } from '@temporalio/worker';

/** Where the build writes the ahead-of-time workflow bundle (see cli/bundle-workflows.ts). */
export const DEFAULT_BUNDLE_PATH = join(__dirname, 'workflow-bundle.js');

/** The prebuilt bundle when there is one, else the workflow sources for the worker to bundle itself. */
export function workflowSource(
  bundlePath = DEFAULT_BUNDLE_PATH,
): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  return existsSync(bundlePath)
    ? { workflowBundle: { codePath: bundlePath } }
    : { workflowsPath: WORKFLOWS_PATH };
}
