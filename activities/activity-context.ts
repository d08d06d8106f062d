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
