// Finding a request by what a caller can read out: its reference (the full id or its first
// 8 characters), the subject's e-mail address or their telephone number. The address and the
// number are looked up through the same keyed hashes intake stores; they are never stored,
// logged or put in a URL.
import { hashIdentity } from '../../crypto/identity-hash';
import { AppError } from '../app-error';
import type { ServerDeps } from '../deps';
import { intakePhone, phoneHashOf } from '../intake-identities';
import type { QueueFilters } from './review-queue';

const REFERENCE = /^[0-9a-f]{8}(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/i;
const NO_SUBJECT = '00000000-0000-0000-0000-000000000000';
/** What could be a telephone number written with its country code (intake checks the rest). */
const PHONE_LIKE = /^(\+|00)[0-9 ()./-]+$/;

/** The number in E.164 as intake would store it, or null when intake would refuse it. */
function phoneIn(text: string): string | null {
  try {
    return intakePhone(text);
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

/** The filter the text stands for, or null for text that is neither a reference, an address nor a number. */
export async function searchFilter(deps: Pick<ServerDeps, 'db' | 'identityPepper'>, text: string): Promise<QueueFilters | null> {
  const query = text.trim();
  if (REFERENCE.test(query)) return { idPrefix: query.toLowerCase() };
  if (/^[^\s@]+@[^\s@]+$/.test(query)) {
    const subject = await deps.db.dataSubject.findUnique({ where: { emailHash: hashIdentity(deps.identityPepper, query) }, select: { id: true } });
    // An unknown address finds nothing, as any other search would.
    return { subjectId: subject?.id ?? NO_SUBJECT };
  }
  const phone = PHONE_LIKE.test(query) ? phoneIn(query) : null;
  if (phone) return { phoneHash: phoneHashOf(deps.identityPepper, phone) };
  return null;
}
