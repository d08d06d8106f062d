// Stopping a process in bounded time. A service manager signals the whole process group, so
// the child services (Temporal dev server, redis-server) may be gone before the engine stops
// its connections to them: every step gets a timeout, and the process leaves regardless
// after STOP_BUDGET_MS.
export const STOP_BUDGET_MS = 9_000;
export const STOP_STEP_TIMEOUT_MS = 3_000;

export type StopStep = { name: string; stop: () => Promise<unknown> | unknown };

/** Runs the steps in order, each given at most `timeoutMs`; a failure or a timeout is reported and the next step runs. */
export async function runStopSteps(steps: readonly StopStep[], timeoutMs = STOP_STEP_TIMEOUT_MS, log: (line: string) => void = console.error): Promise<void> {
  for (const step of steps) {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    try {
      const outcome = await Promise.race([Promise.resolve().then(step.stop), timedOut]);
      if (outcome === 'timeout') log(`while stopping: ${step.name} did not stop within ${timeoutMs} ms; going on.`);
    } catch (err) {
      log(`while stopping ${step.name}: ${(err as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** On SIGINT or SIGTERM runs `stop` once, then exits; exits with 1 anyway after STOP_BUDGET_MS. */
export function exitOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping.`);
    setTimeout(() => {
      console.error(`Not stopped within ${STOP_BUDGET_MS} ms: exiting.`);
      process.exit(1);
    }, STOP_BUDGET_MS).unref();
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
