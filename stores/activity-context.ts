// The Temporal activity a connector runs in, when it runs in one: connectors are also called
// directly (tests, scripts), where there is no activity to heartbeat or to take a key from.
import { Context } from '@temporalio/activity';

/** The current activity's context, or undefined outside an activity. */
export function currentActivity(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}

/** How often a store activity heartbeats; well within the heartbeat timeout of its options. */
export const HEARTBEAT_EVERY_MS = 5_000;

/** Runs `work` while heartbeating on a timer, so that a worker that dies mid-store is noticed
 *  within the heartbeat timeout instead of the whole start-to-close timeout: a single long
 *  statement (a big DELETE) gives no other chance to heartbeat, but the timer still fires. */
export async function whileHeartbeating<T>(work: () => Promise<T>): Promise<T> {
  const activity = currentActivity();
  if (!activity) return work();
  activity.heartbeat();
  const timer = setInterval(() => activity.heartbeat(), HEARTBEAT_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
