// How the worker and the server connect to a production Temporal, from the environment:
// mTLS files or inline PEMs, an API key, and the Prometheus metrics address.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { temporalConnectionSettings, temporalTelemetryOptions } from '../../config/temporal';

const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';

describe('the Temporal connection settings', () => {
  test('when nothing is set, then the connection is plaintext, as for the dev server', () => {
    expect(temporalConnectionSettings('127.0.0.1:7233', {})).toEqual({ address: '127.0.0.1:7233' });
  });

  test('when a client certificate and key are given as files, then their contents form the mTLS pair', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'temporal-tls-'));
    writeFileSync(path.join(dir, 'client.pem'), CERT);
    writeFileSync(path.join(dir, 'client.key'), KEY);
    const settings = temporalConnectionSettings('ns.acct.tmprl.cloud:7233', {
      TEMPORAL_TLS_CERT: path.join(dir, 'client.pem'),
      TEMPORAL_TLS_KEY: path.join(dir, 'client.key'),
    });
    expect(settings.tls).toEqual({ clientCertPair: { crt: Buffer.from(CERT), key: Buffer.from(KEY) } });
  });

  test('when the PEMs are given inline with a CA and a server name, then all of them are used', () => {
    const settings = temporalConnectionSettings('temporal.internal:7233', {
      TEMPORAL_TLS_CERT: CERT,
      TEMPORAL_TLS_KEY: KEY,
      TEMPORAL_TLS_CA: CERT,
      TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal.internal',
    });
    expect(settings.tls).toEqual({
      clientCertPair: { crt: Buffer.from(CERT), key: Buffer.from(KEY) },
      serverRootCACertificate: Buffer.from(CERT),
      serverNameOverride: 'frontend.temporal.internal',
    });
  });

  test('when only an API key is given, then it is sent over TLS', () => {
    expect(temporalConnectionSettings('region.api.temporal.io:7233', { TEMPORAL_API_KEY: 'key-123' })).toEqual({
      address: 'region.api.temporal.io:7233',
      tls: true,
      apiKey: 'key-123',
    });
  });

  test('when a certificate comes without its key, or a file is missing, then start-up stops with the variable named', () => {
    expect(() => temporalConnectionSettings('x:7233', { TEMPORAL_TLS_CERT: CERT })).toThrow(/TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together/);
    expect(() => temporalConnectionSettings('x:7233', { TEMPORAL_TLS_CERT: '/nowhere/client.pem', TEMPORAL_TLS_KEY: KEY })).toThrow(
      /TEMPORAL_TLS_CERT must be a PEM file path or the PEM itself.*ENOENT/,
    );
  });
});

describe('the SDK metrics endpoint', () => {
  test('when TEMPORAL_METRICS_BIND is set, then the runtime serves Prometheus metrics there', () => {
    expect(temporalTelemetryOptions({ TEMPORAL_METRICS_BIND: '0.0.0.0:9464' })).toEqual({ metrics: { prometheus: { bindAddress: '0.0.0.0:9464' } } });
    expect(temporalTelemetryOptions({})).toBeUndefined();
  });

  test('when the address is not host:port, then start-up stops with an example', () => {
    expect(() => temporalTelemetryOptions({ TEMPORAL_METRICS_BIND: '9464' })).toThrow(/host:port, e.g. 0.0.0.0:9464/);
  });
});
