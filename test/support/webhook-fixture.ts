// The two halves every webhook-connector test needs: a processor simulator holding the shared
// secret, and the engine's app serving the processor callback route on loopback (the route
// needs only the database and the processors' secrets, so no Temporal). One store, one secret.
import type { FastifyInstance } from 'fastify';
import { createFieldCipher } from '../../crypto/field-cipher';
import type { Db } from '../../db/prisma';
import { buildApp, startWebServer } from '../../server/app';
import { CALLBACK_LABEL, type SignatureLabel, signatureHeaders } from '../../stores/webhook/signature';
import { callbackPath, createWebhookStore } from '../../stores/webhook/webhook-store';
import { request } from './http';
import { startProcessorSimulator, type ProcessorSimulator } from './processor-simulator';
import { testSecrets } from './test-keys';

export interface WebhookFixture {
  sim: ProcessorSimulator;
  app: FastifyInstance;
  /** Where the app listens: the public address the store gives the processor for callbacks. */
  baseUrl: string;
  /** The webhook store for `store`, calling the simulator (or `url`), with the given timeout. */
  storeWith(timeoutSeconds: number, url?: string): ReturnType<typeof createWebhookStore>;
  /** Posts a callback to the app as the processor would, signed with `secret` under `label` at `at`. */
  postCallback(body: unknown, opts?: { secret?: string; at?: Date; store?: string; label?: SignatureLabel }): ReturnType<typeof request>;
  /** Stops the simulator and the app (the database is the caller's). */
  close(): Promise<void>;
}

/** Starts the simulator and the app for the processor store `store` sharing `secret`. */
export async function webhookFixture(db: Db, store: string, secret: string, categories = ['contact', 'marketing-consent']): Promise<WebhookFixture> {
  const sim = await startProcessorSimulator(secret);
  const { keyring, identityPepper } = testSecrets();
  const app = await buildApp({ temporal: {} as never, taskQueue: 'unused', db, cipher: createFieldCipher(keyring), identityPepper, clock: () => new Date(), processorSecrets: new Map([[store, secret]]) });
  const baseUrl = await startWebServer(app, '127.0.0.1', 0);
  return {
    sim,
    app,
    baseUrl,
    storeWith: (timeoutSeconds, url = sim.url) => createWebhookStore({ name: store, categories, url, secret, timeoutSeconds, publicUrl: baseUrl, db, pollIntervalMs: 50 }),
    postCallback(body, opts = {}) {
      const text = JSON.stringify(body);
      const headers = { 'content-type': 'application/json', ...signatureHeaders(opts.secret ?? secret, opts.label ?? CALLBACK_LABEL, text, opts.at ?? new Date()) };
      return request(baseUrl + callbackPath(opts.store ?? store), 'POST', { headers, body: text });
    },
    async close() {
      await sim.close();
      await app.close();
    },
  };
}
