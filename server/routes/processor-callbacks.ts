// Where third-party processors report the result of an erase or rectify they accepted with
// 202: POST /api/processors/:store/callbacks, signed like the engine's own calls to them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CALL_STATUSES } from '../../stores/webhook/protocol';
import { REPLAY_WINDOW_SECONDS } from '../../stores/webhook/signature';
import type { ServerDeps } from '../deps';
import { literalUnion, withErrors } from '../schemas';
import { keepRawJsonBodies } from './raw-json-body';
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

/** POST /api/processors/:store/callbacks. */
export const processorCallbackRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const rawBodyOf = keepRawJsonBodies(app);

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
        preValidation: async (req) => authenticateCallback(deps, (req.params as { store: string }).store, rawBodyOf(req), req.headers),
      },
      async (req) => recordCallback(deps, req.params.store, req.body),
    );
  };
