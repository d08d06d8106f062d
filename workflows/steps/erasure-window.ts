// Between verification and erasure: an erasure confirmed only by a mailed code waits a
// cancellable window, announced by mail, before anything is erased.
import { patched } from '@temporalio/workflow';
import { acts } from '../acts';
import type { RequestRun } from '../request-run';

const ERASING = new Set(['DELETION', 'ACCOUNT_CLOSURE']);

/** Waits the confirmation window when the request erases and its identity rests on a code; a
 *  withdrawal meanwhile unwinds the procedure. Histories from before the window replay without it. */
export async function awaitErasureWindow(run: RequestRun): Promise<void> {
  if (!ERASING.has(run.input.type) || run.input.attestation) return;
  if (!patched('codes-confirmation-window')) return;
  const { windowMs } = await acts.announceErasure({ requestId: run.requestId });
  // Treat silence as consent: the subject asked for the erasure and was told how to stop it.
  // A window of 0 starts no timer (as runs recorded so); a withdrawal meanwhile still wins.
  if (windowMs > 0) await run.waitFor(() => false, windowMs);
  else run.checkpoint();
}
