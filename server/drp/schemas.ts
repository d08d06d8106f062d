// How the DRP endpoints appear in the OpenAPI document. Their bodies are signed text, which a
// JSON schema can only call a string: the routes attach (not enforce) the body's validation
// and verify it themselves (§3.07), so any failure is answered in DRP's own error shape.
import { Type } from '@sinclair/typebox';
import { ServerError } from '../schemas';

export const DRP_TAG = 'data rights protocol';

/** §3.07.1: base64 of the 64-byte Ed25519 signature followed by the JSON message. */
const SignedBody = Type.String({
  description: 'base64( Ed25519 signature (64 bytes) ‖ JSON message ), libsodium combined mode, sent as text/plain (DRP 1.0 §3.07.1).',
});

/** §3.06: a request error. */
export const DrpErrorBody = Type.Object(
  {
    code: Type.String({ description: 'The HTTP status, as a string.' }),
    message: Type.String({ description: 'What went wrong.' }),
    fatal: Type.Optional(Type.Boolean({ description: 'true when the message will never be accepted (e.g. it expired).' })),
  },
  { description: 'A request error (DRP 1.0 §3.06): 400 a malformed message, 401 no or an unknown token, 403 a signature or claim that does not verify, or another agent’s request, 404 an unknown request, 409 not possible in the request’s state.' },
);

/** §3.03: the Exercise Status object. */
export const ExerciseStatusBody = Type.Object(
  {
    request_id: Type.String({ format: 'uuid' }),
    received_at: Type.String({ format: 'date-time' }),
    expected_by: Type.Optional(Type.String({ format: 'date-time', description: 'The request’s due date under its regime, moved by each extension.' })),
    agent_request_id: Type.Optional(Type.String()),
    status: Type.Union(['open', 'in_progress', 'fulfilled', 'revoked', 'denied', 'expired'].map((s) => Type.Literal(s))),
    reason: Type.Optional(Type.String({ description: 'need_user_verification, or a denial reason of §3.02.' })),
    processing_details: Type.Optional(Type.String()),
    user_verification_url: Type.Optional(Type.String({ description: 'The consumer’s page with the code form, while they must confirm their address.' })),
    results_url: Type.Optional(Type.String({ description: 'A fulfilled access request: the download of its package, until expires_at.' })),
    expires_at: Type.Optional(Type.String({ format: 'date-time', description: 'A fulfilled access request: when its package’s link ends.' })),
  },
  { description: 'The Exercise Status (DRP 1.0 §3.03).' },
);

const AgentParams = Type.Object({ agentId: Type.String({ description: 'The agent’s id in the agent directory.' }) });
const RequestParams = Type.Object({ requestId: Type.String({ description: 'The request_id the exercise answered.' }) });
const bearer = [{ drpBearer: [] }];
const drpErrors = { '4xx': DrpErrorBody, '5xx': ServerError };

/** The route options of each endpoint: the schema for the document, validation attached only. */
export const drpSchemas = {
  setup: {
    attachValidation: true,
    schema: {
      summary: 'DRP pair-wise key setup',
      description: 'DRP 1.0 §2.05. The body is signed with the key the agent directory lists for agent-id; answers a Bearer token for the other endpoints. Any failure is 403 with an empty body (§2.05.1).',
      tags: [DRP_TAG],
      consumes: ['text/plain'],
      params: AgentParams,
      body: SignedBody,
      response: {
        200: Type.Object({ 'agent-id': Type.String(), token: Type.String({ description: 'Opaque; shown once, stored only hashed.' }) }),
        '4xx': Type.Null({ description: '403 with no body, for any failure of the signed message.' }),
        '5xx': ServerError,
      },
    },
  },
  agentInfo: {
    schema: {
      summary: 'DRP agent information',
      description: 'DRP 1.0 §2.06: 200 {} while the Bearer token is valid for the agent in the URL; 403 for another agent’s token.',
      tags: [DRP_TAG],
      security: bearer,
      params: AgentParams,
      response: { 200: Type.Object({}, { additionalProperties: false }), ...drpErrors },
    },
  },
  exercise: (legacy: boolean) => ({
    attachValidation: true,
    schema: {
      summary: legacy ? 'DRP exercise (with the trailing slash of versions before 0.9.3)' : 'DRP exercise a right',
      description:
        'DRP 1.0 §2.01. Signed claims: agent-id, business-id, issued-at, expires-at, drp.version "1.0", exercise (access, deletion; other rights are denied claim_not_covered), ' +
        'regime (ccpa, or none for the controller profile’s default regime), status_callback, agent-request-id, and schema.org/Person claims (email, email_verified). Answers the Exercise Status.',
      tags: [DRP_TAG],
      security: bearer,
      consumes: ['text/plain'],
      body: SignedBody,
      response: { 200: ExerciseStatusBody, ...drpErrors },
    },
  }),
  status: {
    schema: {
      summary: 'DRP request status',
      description: 'DRP 1.0 §2.02: the Exercise Status of a request this agent filed; 403 for another agent’s request.',
      tags: [DRP_TAG],
      security: bearer,
      params: RequestParams,
      response: { 200: ExerciseStatusBody, ...drpErrors },
    },
  },
  revoke: {
    attachValidation: true,
    schema: {
      summary: 'DRP revoke a request',
      description: 'DRP 1.0 §2.04: withdraws the request until fulfilment begins. Signed claims: the four envelope claims and an optional reason. Answers the Exercise Status with revoked.',
      tags: [DRP_TAG],
      security: bearer,
      consumes: ['text/plain'],
      params: RequestParams,
      body: SignedBody,
      response: { 200: ExerciseStatusBody, ...drpErrors },
    },
  },
};
