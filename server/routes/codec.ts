// Temporal's remote codec protocol, so that staff holding the codec token can read the
// encrypted payloads of a history in the Web UI or the CLI: POST /decode takes and returns
// Payloads as proto3 JSON (bytes as base64), through the worker's own codec. The Web UI calls
// /encode only to encrypt the input a user types to start, signal, update or reset a workflow
// from the UI; here every step of a request is taken through the engine's API (checked,
// audited, signed by staff), never from the Web UI, and reading histories needs only /decode.
// So /encode is answered 403 after authentication: an encryption oracle under the server's
// key helps nobody who is meant to use it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import type { Payload } from '@temporalio/common';
import { EncryptionCodec } from '../../temporal/encryption-codec';
import { AppError } from '../app-error';
import { applyCors, requireBearerToken, requireStaffSession } from '../codec-auth';
import type { ServerDeps } from '../deps';
import { withErrors } from '../schemas';

const MAX_PAYLOADS = 100;
// Temporal refuses payloads over 2 MB; one of those, base64-encoded, must still fit.
const CODEC_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

// Proto3 JSON accepts standard and URL-safe base64, padded or not.
const Base64 = Type.String({ pattern: '^[A-Za-z0-9+/_-]*={0,2}$' });
// Proto3 JSON leaves out empty fields, so a null payload arrives without `data`.
const PayloadJson = Type.Object(
  { metadata: Type.Optional(Type.Record(Type.String(), Base64, { maxProperties: 32 })), data: Type.Optional(Base64) },
  { additionalProperties: false },
);
type PayloadJson = Static<typeof PayloadJson>;
const CodecBody = Type.Object({ payloads: Type.Array(PayloadJson, { maxItems: MAX_PAYLOADS }) }, { additionalProperties: false });
/** The codec token (tools, the CLI) or a compliance or admin session cookie (the Web UI in a browser). */
const CODEC_SECURITY: ReadonlyArray<Record<string, readonly string[]>> = [{ codecBearer: [] }, { staffSession: [] }];

/** The codec routes, to be registered under a prefix such as /codec; with `staff`, a staff session cookie opens them too. */
export const codecRoutes =
  (opts: NonNullable<ServerDeps['codec']>, staff?: Pick<ServerDeps, 'db' | 'clock'>): FastifyPluginAsyncTypebox =>
  async (app) => {
    const codec = new EncryptionCodec(opts.keyring);
    const origins = new Set(opts.allowedOrigins);

    // Hooks added here stay inside this plugin: the public API keeps its own rules.
    app.addHook('onRequest', async (req, reply) => {
      applyCors(req, reply, origins);
      // Browsers send preflights without credentials; they reveal nothing, so they need none.
      if (req.method === 'OPTIONS') return;
      // A bearer token (CLI, tools) is checked as before; without one, a staff session cookie may stand in.
      if (staff && !req.headers.authorization && req.headers.cookie) await requireStaffSession(req, staff, origins);
      else requireBearerToken(req.headers.authorization, opts.authToken, reply);
    });

    // The preflights are the browser's business, not an operation of the API.
    for (const path of ['/encode', '/decode']) app.options(path, { schema: { hide: true } }, async (_req, reply) => reply.status(204).send());

    // In the document (tag `codec`) so that `npm run fuzz` reaches them, with the two ways in.
    const documented = { tags: ['codec'], security: CODEC_SECURITY, body: CodecBody };
    const route = { bodyLimit: CODEC_BODY_LIMIT_BYTES };
    const encode = {
      ...documented,
      summary: 'Encrypt payloads for the Temporal Web UI: always refused',
      description: 'The Web UI encodes only to start, signal, update or reset a workflow, which is done through the engine’s API here; so every authenticated call is answered 403 ENCODE_REFUSED.',
      response: withErrors({}),
    };
    const decode = {
      ...documented,
      summary: 'Decrypt payloads for the Temporal Web UI and CLI',
      description: 'Temporal’s remote codec protocol: Payloads as proto3 JSON (bytes in base64), at most 100. An unencrypted payload comes back as it was; one that cannot be decrypted is 400 UNDECRYPTABLE.',
      response: withErrors({ 200: CodecBody }),
    };
    app.post('/encode', { ...route, schema: encode }, async () => {
      throw new AppError(403, 'ENCODE_REFUSED', 'The codec only decodes: act on a request through the engine\'s API, not by starting or signalling workflows from the Web UI.');
    });
    app.post('/decode', { ...route, schema: decode }, async (req) => ({ payloads: await decodeEach(codec, req.body.payloads) }));
  };

/** Decodes payload by payload, so that a failure names the one that could not be read. */
async function decodeEach(codec: EncryptionCodec, payloads: PayloadJson[]): Promise<PayloadJson[]> {
  const decoded: PayloadJson[] = [];
  for (const [index, payload] of payloads.entries()) {
    try {
      const [plain] = await codec.decode([fromJson(payload)]);
      if (plain) decoded.push(toJson(plain));
    } catch {
      // The cause (unknown key id, altered data, wrong key) stays out of the answer: it helps an attacker more than staff.
      throw new AppError(400, 'UNDECRYPTABLE', `Payload ${index + 1} could not be decrypted: its key is not loaded or its data was altered.`);
    }
  }
  return decoded;
}

function fromJson(payload: PayloadJson): Payload {
  return {
    metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')])),
    data: payload.data === undefined ? undefined : Buffer.from(payload.data, 'base64'),
  };
}

function toJson(payload: Payload): PayloadJson {
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  return {
    metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, base64(value)])),
    ...(payload.data ? { data: base64(payload.data) } : {}),
  };
}
