// The activity factory: every side effect the request workflow may ask for.
import { accessPackageActivities } from './access-package';
import { accountClosureActivities } from './account-closure';
import { assessmentActivities } from './assessment';
import { deadlineActivities } from './deadlines';
import { erasureConfirmationActivities } from './erasure-confirmation';
import { decisionActivities } from './decisions';
import type { ActivityDeps } from './deps';
import { drpCallbackActivities } from './drp-callback';
import { finalReplyActivities } from './final-reply';
import { fulfilmentActivities } from './fulfilment';
import { intakeActivities } from './intake';
import { manualTaskActivities } from './manual-tasks';
import { notifyActivities } from './notify';
import { openRequestActivities } from './open-request';
import { portabilityTransferActivities } from './portability-transfer';
import { retentionActivities } from './retention';
import { staffAssertionActivities } from './staff-assertions';
import { transitionActivities } from './transitions';
import { unverifiableActivities } from './unverifiable';
import { verificationActivities } from './verification';
import { verifiedStartActivities } from './verified-start';

export type { ActivityDeps } from './deps';

/** Builds the activities over their dependencies (database, mailer, stores, cipher, clock). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...intakeActivities(deps),
    ...openRequestActivities(deps),
    ...transitionActivities(deps),
    ...verificationActivities(deps),
    ...erasureConfirmationActivities(deps),
    ...deadlineActivities(deps),
    ...assessmentActivities(deps),
    ...decisionActivities(deps),
    ...fulfilmentActivities(deps),
    ...manualTaskActivities(deps),
    ...notifyActivities(deps),
    ...portabilityTransferActivities(deps),
    ...finalReplyActivities(deps),
    ...unverifiableActivities(deps),
    ...accessPackageActivities(deps),
    ...drpCallbackActivities(deps),
    ...staffAssertionActivities(deps),
    ...accountClosureActivities(deps),
    ...retentionActivities(deps),
    ...verifiedStartActivities(deps),
  };
}
