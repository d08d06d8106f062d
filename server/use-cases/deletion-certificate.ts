// A request's stored deletion certificate, as issued with the deletion-done reply.
import type { CertificateBody } from '../../domain/deletion-certificate';
import { AppError } from '../app-error';
import type { ServerDeps } from '../deps';

export interface CertificateView {
  certificateId: string;
  requestId: string;
  issuedAt: string;
  /** SHA-256 (hex) of the body's canonical JSON (keys sorted at every level). */
  digest: string;
  body: CertificateBody;
}

/** The certificate of a deletion or account closure; 404 until one was issued. */
export async function deletionCertificate(deps: ServerDeps, requestId: string): Promise<CertificateView> {
  const c = await deps.db.deletionCertificate.findUnique({ where: { requestId } });
  if (!c) throw new AppError(404, 'NOT_FOUND', 'No deletion certificate was issued for this request.');
  return { certificateId: c.id, requestId: c.requestId, issuedAt: c.issuedAt.toISOString(), digest: c.digest, body: c.body as unknown as CertificateBody };
}
