// The activity factory: every side effect the request workflow may ask for.
import { accessActivities } from './access';
import type { ActivityDeps } from './deps';
import { intakeActivities } from './intake';
import { transitionActivities } from './transitions';
import { verificationActivities } from './verification';

export type { ActivityDeps } from './deps';

/** Builds the activities over their dependencies (database, mailer, cipher, clock). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...intakeActivities(deps),
    ...transitionActivities(deps),
    ...verificationActivities(deps),
    ...accessActivities(deps),
  };
}
