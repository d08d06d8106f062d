// Where third-party processors report the result of an erase or rectify they accepted with
// 202: POST /api/processors/:store/callbacks, signed like the engine's own calls to them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { CALL_STATUSES } from '../../stores/webhook/protocol';
import { REPLAY_WINDOW_SECONDS } from '../../stores/webhook/signature';
import { AppError } from '../app-error';
import type { ServerDeps } from '../deps';
import { literalUnion, withErrors } from '../schemas';
import { authenticateCallback, recordCallback } from '../use-cases/processor-callback';

const Name = { pattern: '^[A-Za-z0-9_.-]{1,64}$' };

const CallbackParams = Type.Object({ store: Type.String({ ...Name, description: 'The processor store’s name in the data map.' }) });

const CallbackBody = Type.Object(
  {
    callId: Type.String({ format: 'uuid', description: 'The `callId` of the engine’s request.' }),
    status: literalUnion(CALL_STATUSES),
    processed: Type.Optional(Type.Integer({ minimum: 0, description: 'DONE: records erased or changed.' })),
    fields: Type.Optional(Type.Array(Type.String(Name), { maxItems: 50, description: 'REFUSED: the correction fields the processor will not change.' })),
    errorCode: Type.Optional(Type.String({ ...Name, description: 'FAILED: a code for the failure; never personal data.' })),
  },
  { additionalProperties: false },
);

const Recorded = Type.Object(
  {
    callId: Type.String({ format: 'uuid' }),
    status: literalUnion(CALL_STATUSES),
    repeated: Type.Boolean({ description: 'True when the call had already been reported: the first report stands.' }),
  },
  { description: 'The outcome is recorded (or was already).' },
);

// The signature covers the exact bytes sent, so the body is kept as received beside its parsed form.
const rawBodies = new WeakMap<FastifyRequest, string>();

/** POST /api/processors/:store/callbacks. */
export const processorCallbackRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    // Scoped to this plugin: the other routes keep Fastify's own JSON parser.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
      rawBodies.set(req, body as string);
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(new AppError(400, 'INVALID_INPUT', 'The body is not valid JSON.'), undefined);
      }
    });

    const schema = {
      summary: 'A processor reports the result of a call',
      description:
        'Signed like the engine’s calls: `X-DSR-Timestamp` (Unix seconds) and `X-DSR-Signature: sha256=<hex HMAC-SHA256 of "dsr-callback.<timestamp>.<body>">` ' +
        `with the secret shared with that processor. A wrong signature, or a timestamp more than ${REPLAY_WINDOW_SECONDS / 60} minutes off, is 401; ` +
        'an unknown store or call id is 404; the call id of an attempt since retried under a new id is 409 and changes nothing; ' +
        'a repeat is answered 200 and changes nothing. The signed string begins with the label `dsr-callback` (the engine signs its calls with `dsr-request`).',
      tags: ['processors'],
      params: CallbackParams,
      body: CallbackBody,
      response: withErrors({ 200: Recorded }),
    };
    app.post(
      '/api/processors/:store/callbacks',
      {
        schema,
        // Before the body is validated: an unsigned caller learns nothing about what a valid body looks like.
        preValidation: async (req) => authenticateCallback(deps, (req.params as { store: string }).store, rawBodies.get(req) ?? '', req.headers),
      },
      async (req) => recordCallback(deps, req.params.store, req.body),
    );
  };
