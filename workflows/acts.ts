// The activity proxies the request workflow calls, with their retry policies.
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { assertionActivity, defaultActivity, planActivity, replyActivity, storeActivity } from './activity-options';

type Activities = ReturnType<typeof createActivities>;

export const acts = proxyActivities<Activities>(defaultActivity);
export const storeActs = proxyActivities<Pick<Activities, 'fulfilStore'>>(storeActivity);
export const planActs = proxyActivities<Pick<Activities, 'planFulfilment'>>(planActivity);
export const replyActs = proxyActivities<Pick<Activities, 'sendFinalReply'>>(replyActivity);
export const assertionActs = proxyLocalActivities<Pick<Activities, 'verifyStaffAssertion'>>(assertionActivity);
