// How the worker and the server reach a production Temporal: the connection's TLS (mTLS
// for Temporal Cloud or a self-hosted cluster that requires client certificates) or API
// key, and the SDK's Prometheus metrics endpoint. Read from the environment once, here.
import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';

export interface TemporalConnectionSettings {
  address: string;
  /** Absent: plaintext, as for the local dev server. */
  tls?: TLSConfig | true;
  apiKey?: string;
}

/** A PEM given inline (secrets managers often hand them over as values) or as a file path. */
function pem(name: string, value: string): Buffer {
  if (value.trimStart().startsWith('-----BEGIN')) return Buffer.from(value);
  try {
    return readFileSync(value);
  } catch (err) {
    throw new Error(`${name} must be a PEM file path or the PEM itself; the file could not be read (${(err as NodeJS.ErrnoException).code}).`);
  }
}

/**
 * TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY (the client pair, both or neither), TEMPORAL_TLS_CA
 * (the server's CA when the system does not trust it), TEMPORAL_TLS_SERVER_NAME (SNI
 * override), TEMPORAL_TLS=true (TLS without any of these), TEMPORAL_API_KEY (implies TLS).
 */
export function temporalConnectionSettings(address: string, env: NodeJS.ProcessEnv = process.env): TemporalConnectionSettings {
  const cert = env.TEMPORAL_TLS_CERT || undefined;
  const key = env.TEMPORAL_TLS_KEY || undefined;
  if (Boolean(cert) !== Boolean(key)) throw new Error('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together: set both (mTLS) or neither.');
  const ca = env.TEMPORAL_TLS_CA || undefined;
  const serverName = env.TEMPORAL_TLS_SERVER_NAME || undefined;
  const apiKey = env.TEMPORAL_API_KEY || undefined;
  const tls: TLSConfig = {
    ...(cert && key ? { clientCertPair: { crt: pem('TEMPORAL_TLS_CERT', cert), key: pem('TEMPORAL_TLS_KEY', key) } } : {}),
    ...(ca ? { serverRootCACertificate: pem('TEMPORAL_TLS_CA', ca) } : {}),
    ...(serverName ? { serverNameOverride: serverName } : {}),
  };
  const wantsTls = Object.keys(tls).length > 0 || env.TEMPORAL_TLS === 'true' || Boolean(apiKey);
  return { address, ...(wantsTls ? { tls: Object.keys(tls).length > 0 ? tls : true } : {}), ...(apiKey ? { apiKey } : {}) };
}

/** TEMPORAL_METRICS_BIND (e.g. 0.0.0.0:9464): the SDK serves Prometheus metrics there; unset, none. */
export function temporalTelemetryOptions(env: NodeJS.ProcessEnv = process.env) {
  const bindAddress = env.TEMPORAL_METRICS_BIND || undefined;
  if (!bindAddress) return undefined;
  if (!/^[^\s:]+:\d{1,5}$/.test(bindAddress) && !/^\[[0-9a-fA-F:]+\]:\d{1,5}$/.test(bindAddress)) {
    throw new Error(`TEMPORAL_METRICS_BIND must be host:port, e.g. 0.0.0.0:9464, not "${bindAddress}".`);
  }
  return { metrics: { prometheus: { bindAddress } } };
}
