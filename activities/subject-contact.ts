// Looking up where to write to a request's subject, decrypting only at the moment of use.
import { readRequestFields } from '../db/records';
import type { Language } from '../domain/request-kinds';
import type { ActivityDeps } from './deps';

export interface SubjectContact {
  email: string;
  language: Language;
}

/** The subject's e-mail address and language for a request. */
export async function subjectContact({ db, cipher }: ActivityDeps, requestId: string): Promise<SubjectContact> {
  const request = await readRequestFields(db, requestId, { language: true, subject: { select: { emailEncrypted: true } } });
  return { email: cipher.decrypt(request.subject.emailEncrypted, 'DataSubject.emailEncrypted'), language: request.language };
}
