// `npm run build:workflows [FILE]`: writes the request workflows' bundle (default
// generated/workflow-bundle.js). A deployment builds it once with its image and points
// DSR_WORKFLOW_BUNDLE at it; a worker without one runs this in a child process at start.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleRequestWorkflows } from '../temporal/workflow-bundle';

const out = path.resolve(process.argv[2] ?? path.join(__dirname, '../generated/workflow-bundle.js'));
bundleRequestWorkflows().then(
  ({ code }) => writeFileSync(out, code),
  (err: unknown) => {
    console.error(`The workflow bundle could not be built: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
