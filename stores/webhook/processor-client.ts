// Sends one signed call to a processor's webhook. Failures are described by store, operation
// and HTTP status only: a processor's answer may repeat the subject's data, so its text never
// goes into an error that is stored, audited or carried into workflow history.
import { IDEMPOTENCY_HEADER, REQUEST_LABEL, signatureHeaders } from './signature';
import type { ProcessorOperation, ProcessorRequest } from './protocol';

export interface ProcessorEndpoint {
  store: string;
  url: string;
  secret: string;
  /** How long one HTTP exchange may take. */
  timeoutMs: number;
  clock: () => Date;
}

/** A processor that could not be reached or answered with an unexpected status or shape. */
export class ProcessorCallFailed extends Error {
  override readonly name = 'ProcessorCallFailed';
}

/** POSTs the signed request and returns the answer's status and JSON body (null when empty). */
export async function postToProcessor(endpoint: ProcessorEndpoint, request: ProcessorRequest, idempotencyKey: string, signal?: AbortSignal): Promise<{ status: number; body: unknown }> {
  const body = JSON.stringify(request);
  const timeout = AbortSignal.timeout(endpoint.timeoutMs);
  let res: Response;
  try {
    res = await fetch(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDEMPOTENCY_HEADER]: idempotencyKey, ...signatureHeaders(endpoint.secret, REQUEST_LABEL, body, endpoint.clock()) },
      // A redirect would carry the subject's address to a host nobody configured: refused.
      redirect: 'manual',
      body,
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
    });
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new ProcessorCallFailed(`Processor store "${endpoint.store}" could not be reached for ${request.operation} (${code}).`);
  }
  if (res.status >= 300 && res.status <= 399) {
    throw new ProcessorCallFailed(`Processor store "${endpoint.store}" answered ${request.operation} with a redirect (HTTP ${res.status}), which the engine does not follow: configure the final URL.`);
  }
  if (res.status === 401 || res.status === 403) {
    throw new ProcessorCallFailed(`Processor store "${endpoint.store}" refused the engine's signature on ${request.operation} (HTTP ${res.status}): check the shared secret.`);
  }
  if (res.status < 200 || res.status > 299) throw new ProcessorCallFailed(`Processor store "${endpoint.store}" answered HTTP ${res.status} to ${request.operation}.`);
  const text = await res.text();
  if (text.trim() === '') return { status: res.status, body: null };
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    throw malformed(endpoint.store, request.operation, 'not JSON');
  }
}

/** The error for an answer whose shape is wrong; `what` names the part, never its value. */
export function malformed(store: string, operation: ProcessorOperation, what: string): ProcessorCallFailed {
  return new ProcessorCallFailed(`Processor store "${store}" gave a malformed answer to ${operation}: ${what}.`);
}
