// Entry point the worker bundles: every workflow type the engine runs.
export { dsrRequestWorkflow } from './dsr-request';
export { purgeAccessPackagesWorkflow } from './purge-access-packages';
export { retentionPurgeWorkflow } from './retention-purge';
export { drpStatusCallbackWorkflow } from './drp-callback';
