// POST /api/account-system/sign-ins: the deployer's account system reports a sign-in, which
// cancels an account closure in its cooling-off period (server/use-cases/account-events.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServerDeps } from '../deps';
import { withErrors } from '../schemas';
import { keepRawJsonBodies } from './raw-json-body';
import { authenticateAccountEvent, recordSignIn } from '../use-cases/account-events';

const SignInBody = Type.Object(
  {
    eventId: Type.String({ format: 'uuid', description: 'The account system’s own id for the event; each is accepted once.' }),
    email: Type.String({ format: 'email', maxLength: 254, description: 'The account’s e-mail address (the identity key the engine knows the subject by); only hashed.' }),
    signedInAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
const Recorded = Type.Object({ eventId: Type.String(), cancelled: Type.Integer({ description: 'Account closures cancelled by this sign-in.' }) });

export const accountEventRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const rawBodyOf = keepRawJsonBodies(app);
    app.post(
      '/api/account-system/sign-ins',
      {
        schema: {
          summary: 'The account system reports a sign-in',
          description:
            'Signed with ACCOUNT_SYSTEM_SECRET: `X-DSR-Timestamp` (Unix seconds) and `X-DSR-Signature: sha256=<hex HMAC-SHA256 of "dsr-account-event.<timestamp>.<body>">`. ' +
            'A wrong signature or a timestamp more than 5 minutes off is 401; an event id already received is 409 and changes nothing. ' +
            'Cancels each account closure of the subject that is in its cooling-off period.',
          tags: ['account system'],
          body: SignInBody,
          response: withErrors({ 200: Recorded }),
        },
        preValidation: async (req) => authenticateAccountEvent(deps, rawBodyOf(req), req.headers),
      },
      async (req) => recordSignIn(deps, req.body),
    );
  };
