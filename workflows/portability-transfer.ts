// The transfer of a portability package to the recipient the subject named: one attempt per
// activity, paced by the workflow's own timers, so a recipient down for hours is waited out
// durably (a worker restart loses nothing) and the reply goes once the transfer has settled.
import { sleep } from '@temporalio/workflow';
import { TRANSFER_ATTEMPTS, TRANSFER_RETRY_DELAYS } from '../domain/portability-transfer';
import type { StoreOutcome } from '../domain/fulfilment';
import { transferActs } from './acts';

/** Sends the package made from the stores the engine searched; returns once delivered, refused or given up. */
export async function sendToRecipient(requestId: string, recipientId: string, outcomes: readonly StoreOutcome[]): Promise<void> {
  const stores = outcomes.filter((o) => o.settledBy === 'ENGINE').map((o) => o.store);
  for (let attempt = 1; attempt <= TRANSFER_ATTEMPTS; attempt++) {
    const result = await transferActs.sendPackageToRecipient({ requestId, recipientId, stores, attempt });
    if (result.state !== 'SENDING') return;
    await sleep(TRANSFER_RETRY_DELAYS[attempt - 1] ?? '6 hours');
  }
}
