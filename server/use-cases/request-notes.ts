// Staff's internal notes on a request: the text goes to the encrypted AuditNote table (erased
// with the subject's data), the trail keeps an event naming the note by id.
import { appendAudit, findRequestFields } from '../../db/records';
import { writeAuditNote } from '../../db/audit-notes';
import { notFound } from '../app-error';
import type { ServerDeps } from '../deps';

/** Adds a note to the request; 404 for an unknown request. */
export async function addRequestNote(deps: Pick<ServerDeps, 'db' | 'cipher'>, staffId: string, requestId: string, body: string): Promise<void> {
  const request = await findRequestFields(deps.db, requestId, { id: true });
  if (!request) throw notFound('The request');
  await deps.db.$transaction(async (tx) => {
    const noteId = await writeAuditNote(tx, deps.cipher, requestId, body);
    await appendAudit(tx, { requestId, actor: `staff:${staffId}`, action: 'NOTE_ADDED', details: { noteId } });
  });
}
