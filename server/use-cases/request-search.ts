// Finding a request by what a caller can read out: its reference (the full id or its first
// 8 characters) or the subject's e-mail address. The address is looked up through the same
// keyed hash intake stores; it is never stored, logged or put in a URL.
import { hashIdentity } from '../../crypto/identity-hash';
import type { ServerDeps } from '../deps';
import type { QueueFilters } from './review-queue';

const REFERENCE = /^[0-9a-f]{8}(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/i;
const NO_SUBJECT = '00000000-0000-0000-0000-000000000000';

/** The filter the text stands for, or null for text that is neither a reference nor an address. */
export async function searchFilter(deps: Pick<ServerDeps, 'db' | 'identityPepper'>, text: string): Promise<QueueFilters | null> {
  const query = text.trim();
  if (REFERENCE.test(query)) return { idPrefix: query.toLowerCase() };
  if (/^[^\s@]+@[^\s@]+$/.test(query)) {
    const subject = await deps.db.dataSubject.findUnique({ where: { emailHash: hashIdentity(deps.identityPepper, query) }, select: { id: true } });
    // An unknown address finds nothing, as any other search would.
    return { subjectId: subject?.id ?? NO_SUBJECT };
  }
  return null;
}
