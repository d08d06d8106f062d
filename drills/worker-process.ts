// The worker as the drills run it: the product's own worker entry, in a process of its own
// so a drill can SIGKILL it. Unlike `npm run worker` it does not insist on a complete
// production configuration (a drill has no Redis or processors), and it may load a workflow
// bundle built once by the drill (DRILL_WORKFLOW_BUNDLE), so a restart is quick.
import { runEntry } from '../app/run-entry';

// The parent waits for this line before it counts the worker as up.
runEntry('worker', { checkSettings: false, readyLine: 'drill-worker: running', workflowBundle: process.env.DRILL_WORKFLOW_BUNDLE });
