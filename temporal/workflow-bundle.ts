// The request workflows' bundle: built in one place, and for a worker process outside it.
// Webpack's bundling takes a couple of hundred MiB of heap that a Node process never gives
// back, so a worker that bundled its own workflows stayed that much bigger for its whole life.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from './data-converter';

const BUILD_SCRIPT = path.resolve(__dirname, '../scripts/build-workflow-bundle.ts');

/** Bundles the request workflows with the failure converter they convert their own failures with. */
export function bundleRequestWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), failureConverterPath: FAILURE_CONVERTER_PATH, logger: new DefaultLogger('WARN') });
}

/** Builds the bundle in a short-lived child process (the same Node, the same loader) and
 *  returns the file it wrote, so the bundler's memory leaves with that process. */
export async function bundleInChildProcess(): Promise<string> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dsr-workflows-')), 'workflow-bundle.js');
  await promisify(execFile)(process.execPath, [...process.execArgv, BUILD_SCRIPT, file], { env: process.env });
  return file;
}
