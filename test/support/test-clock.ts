// Tests run as if on another day: `DSR_TEST_NOW=2027-01-31` (a date, read as 12:00 UTC so it
// is the same local day from California to Shanghai, or a full ISO instant) moves the
// time-skipping server's clock there before a workflow test starts, and the activities'
// clock with it. `npm test` runs the deadline-sensitive suites at awkward dates this way, so a
// test that only passes on some days of the year fails on every day.
import type { TestWorkflowEnvironment } from '@temporalio/testing';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The instant DSR_TEST_NOW names, or undefined when it is unset. */
export const testNowFromEnv = (): Date | undefined => parseTestNow(process.env.DSR_TEST_NOW);

/** A date or ISO instant as an instant; empty is none, and anything unreadable stops the run. */
export function parseTestNow(value: string | undefined): Date | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  const instant = new Date(DATE_ONLY.test(text) ? `${text}T12:00:00Z` : text);
  if (Number.isNaN(instant.getTime())) throw new Error(`DSR_TEST_NOW must be a date (2027-01-31) or an ISO instant, not "${text}".`);
  return instant;
}

/** A clock that runs from `startsAt` as real time passes (the real clock when none is set). */
export function clockFrom(startsAt: Date | undefined): () => Date {
  if (!startsAt) return () => new Date();
  const offset = startsAt.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

/**
 * Moves the time-skipping server to DSR_TEST_NOW, if set, and returns the clock the
 * activities and the test should use: the server's own, re-read after every `env.sleep`.
 * The server's clock only goes forward, so a date before its own time is refused rather
 * than silently ignored.
 *
 * Why the clock follows the server: a request received "now" by the wall clock after a test
 * had skipped days ahead had its deadline timers due within seconds of the workflow's time;
 * one fired while a workflow task was with the worker, the task cancelled it, and the
 * time-skipping server refused that completion ("invalid history builder state for action")
 * and stranded the run (a CI failure of account-closure.test.ts).
 */
export async function startTestClock(env: TestWorkflowEnvironment): Promise<() => Date> {
  const target = testNowFromEnv();
  if (target) {
    const serverNow = await env.currentTimeMs();
    if (target.getTime() < serverNow) {
      throw new Error(`DSR_TEST_NOW=${target.toISOString()} is before the test server's clock (${new Date(serverNow).toISOString()}); time only moves forward there: pick a later date.`);
    }
    await env.sleep(target.getTime() - serverNow);
  }
  // Between skips the server's clock runs at the wall clock's pace: an offset read after each skip is enough.
  let offsetMs = 0;
  const resync = async () => {
    offsetMs = (await env.currentTimeMs()) - Date.now();
  };
  await resync();
  const skip = env.sleep.bind(env);
  env.sleep = async (duration) => {
    await skip(duration);
    await resync();
  };
  return () => new Date(Date.now() + offsetMs);
}
