// A child's data collected by mistake is deleted without waiting for a request (the seed
// policy, section XIV; PIPL art 31, art 47 para 1): compliance opens the deletion itself. It is
// an ordinary DELETION flagged as the controller's own motion, so the one workflow runs it: the
// clock is the regime's expedited one (policy childDataDeletion), no fee is assessed, and the
// certificate says who opened it and why. Four eyes stay: one person's word must not erase data.
import type { ServerDeps } from '../deps';
import type { ChildDataDeletionBody } from '../staff/schemas';
import type { Submitted } from '../schemas';
import { submitRequest } from './submit-request';

/** Opens the deletion as the signed-in compliance officer; their note is the attestation's evidence. */
export async function openChildDataDeletion(deps: ServerDeps, staffId: string, body: ChildDataDeletionBody): Promise<Submitted> {
  const { ageBand, evidenceNote, ...subject } = body;
  return submitRequest(deps, { ...subject, type: 'DELETION' }, 'OWN_MOTION', { staffId, evidenceNote }, undefined, { ageBand, filedBy: 'COMPLIANCE' });
}
