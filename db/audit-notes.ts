// Free text that an audit event refers to, kept out of the append-only trail: the note is
// encrypted in its own table and the event keeps only its id, so that a completed erasure can
// clear the text while the trail stays whole ("note erased" where it was).
import type { Prisma } from '../generated/prisma/client';
import { readRequestFields, replaceJustificationsOf, requestIdsOf } from './records';

type Tx = Prisma.TransactionClient;

/** What a note needs of the field cipher (crypto/field-cipher.ts), named here so the database
 *  layer does not reach up into crypto/: the note's body is bound to its column. */
export interface NoteCipher {
  encrypt(plain: string, column: 'AuditNote.body'): string;
  decrypt(sealed: string, column: 'AuditNote.body'): string;
}

/** What the timeline shows for a note that erasure has cleared. */
export const NOTE_ERASED = 'note erased';

/** Stores `body` for the request's subject and returns the note's id, for `details.noteId`. */
export async function writeAuditNote(tx: Tx, cipher: NoteCipher, requestId: string, body: string): Promise<string> {
  const { subjectId } = await readRequestFields(tx, requestId, { subjectId: true });
  const note = await tx.auditNote.create({ data: { requestId, subjectId, body: cipher.encrypt(body, 'AuditNote.body') } });
  return note.id;
}

/** Clears every note about the subject, and the copies of staff's words kept beside the store
 *  work of its requests (skip justifications, manual-task notes); returns how many notes were cleared. */
export async function eraseSubjectNotes(tx: Tx, subjectId: string, now: Date): Promise<number> {
  const { count } = await tx.auditNote.updateMany({ where: { subjectId, erasedAt: null }, data: { body: null, erasedAt: now } });
  const requestIds = await requestIdsOf(tx, subjectId);
  await replaceJustificationsOf(tx, requestIds, NOTE_ERASED);
  await tx.manualTask.updateMany({ where: { requestId: { in: requestIds }, note: { not: null } }, data: { note: NOTE_ERASED } });
  return count;
}

/** The notes' text by id, NOTE_ERASED for a cleared one. */
export async function readAuditNotes(db: Tx, cipher: NoteCipher, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const notes = await db.auditNote.findMany({ where: { id: { in: ids } } });
  return new Map(notes.map((n) => [n.id, n.body === null ? NOTE_ERASED : cipher.decrypt(n.body, 'AuditNote.body')]));
}
