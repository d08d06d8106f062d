// Request and response schemas: one definition drives validation, types and the OpenAPI document.
import { Type, type Static, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
import { MANAGE_ACTIONS } from '../domain/manage';
import { MINOR_AGE_BANDS, MINOR_FILERS } from '../domain/minor';
import { LANGUAGES, REQUEST_TYPES } from '../domain/request-kinds';
import { PURPOSE_NAMES } from '../stores/manageable-purposes';
import { REGIME_KEYS } from '../policy/regime-policy';
import { REQUEST_STATUSES } from '../domain/status';

// Typed literal by literal: the type provider reads a plain TLiteral<string>[] union as `never`.
type Literals<T extends readonly string[]> = Extract<{ -readonly [K in keyof T]: TLiteral<T[K]> }, TSchema[]>;
/** A union of string literals typed literal by literal, so the type provider keeps each. */
export const literalUnion = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<Literals<T>>;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Instant = Type.String({ format: 'date-time' });

export const SubmitRequestBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    type: literalUnion(REQUEST_TYPES),
    // The keys the engine knows, so the document says which are valid (a profile may still not offer one: 400).
    regime: Type.Optional(Type.Union(REGIME_KEYS.map((k) => Type.Literal(k)), { description: 'Regime key; otherwise chosen from residence.' })),
    residence: Type.Optional(Type.String({ pattern: '^[A-Z]{2}(-[A-Z0-9]{1,3})?$', description: 'ISO 3166 country or subdivision, e.g. CN, DE, US-CA.' })),
    language: Type.Optional(literalUnion(LANGUAGES)),
    phone: Type.Optional(Type.String({ maxLength: 32, description: 'A telephone number the subject is known by, with its country code (e.g. +86 138 0000 0000); stored encrypted, matched in E.164.' })),
    accountId: Type.Optional(Type.String({ maxLength: 64, description: 'A customer or account id the subject is known by in our systems; stored encrypted.' })),
    corrections: Type.Optional(
      // Without additionalProperties a key outside the pattern would pass unchecked (found by test/e2e/hostile-input.test.ts).
      Type.Record(Type.String({ pattern: '^[a-zA-Z]{1,40}$' }), Type.String({ minLength: 1, maxLength: 200 }), { maxProperties: 10, additionalProperties: false }),
    ),
    manage: Type.Optional(
      Type.Object(
        {
          purposes: Type.Array(literalUnion(PURPOSE_NAMES), { minItems: 1, maxItems: PURPOSE_NAMES.length, uniqueItems: true }),
          action: literalUnion(MANAGE_ACTIONS),
        },
        { additionalProperties: false, description: 'MANAGE only: the purposes of processing and what to do with them (withdraw consent, restrict, object).' },
      ),
    ),
    minor: Type.Optional(
      Type.Object(
        { ageBand: literalUnion(MINOR_AGE_BANDS), filedBy: literalUnion(MINOR_FILERS) },
        {
          additionalProperties: false,
          description: 'The subject is under 18 (PIPL art 31, art 28): the age band, and whether the subject or a guardian files. A guardian’s request is accepted only from staff, with evidence of guardianship.',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type SubmitRequestBody = Static<typeof SubmitRequestBody>;

export const Submitted = Type.Object(
  {
    requestId: Type.String({ format: 'uuid' }),
    status: Type.Literal('RECEIVED'),
    statusToken: Type.String({ description: 'The secret that opens this request’s status link; keep it like a password.' }),
    statusUrl: Type.String({ description: 'Where the subject follows the request: /api/requests/<id>?token=<token>.' }),
  },
  { description: 'The request was started and a verification code mailed.' },
);
export type Submitted = Static<typeof Submitted>;

export const RequestIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export type RequestIdParams = Static<typeof RequestIdParams>;

export const VerifyBody = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}([0-9]{2})?$', description: 'The eight digits from the e-mail (six for a code mailed before codes grew to eight).' }) },
  { additionalProperties: false },
);
export type VerifyBody = Static<typeof VerifyBody>;

export const FeeAnswerBody = Type.Object(
  { accept: Type.Boolean({ description: 'true to pay the quoted fee, false to decline it (which closes the request).' }) },
  { additionalProperties: false },
);
export type FeeAnswerBody = Static<typeof FeeAnswerBody>;

export const WithdrawBody = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Why, in the subject’s words; kept in the audit trail.' })) },
  { additionalProperties: false },
);
export type WithdrawBody = Static<typeof WithdrawBody>;

const Awaiting = Nullable(literalUnion(['SUBJECT_VERIFICATION', 'SUBJECT_FEE_ANSWER', 'COMPLIANCE_DECISION', 'COMPLIANCE_APPROVAL', 'COMPLIANCE_STORE_ACTION'] as const));

/** What the holder of a status link may see: the procedure's state, never personal data. */
export const StatusView = Type.Object(
  {
    requestId: Type.String({ format: 'uuid' }),
    status: literalUnion(REQUEST_STATUSES),
    type: literalUnion(REQUEST_TYPES),
    regime: Type.String(),
    receivedAt: Nullable(Instant),
    dueAt: Nullable(Instant),
    closedAt: Nullable(Instant),
    awaiting: Awaiting,
    extensions: Type.Integer({ minimum: 0, description: 'How many times the deadline was extended.' }),
    fee: Nullable(
      Type.Object({
        amount: Type.Number(),
        currency: Type.String(),
        state: literalUnion(['QUOTED', 'ACCEPTED', 'DECLINED', 'WAIVED'] as const),
      }),
    ),
  },
  { description: 'Where the request stands: its status, what it waits for, its dates and any fee.' },
);
export type StatusView = Static<typeof StatusView>;

export const VerificationResult = Type.Object(
  { outcome: Type.Literal('VERIFIED'), attemptsLeft: Type.Integer(), status: literalUnion(REQUEST_STATUSES) },
  { description: 'The code was right: identity is verified and the procedure goes on.' },
);

/** Every error the API answers with; `error` is a stable code, `message` is for people. */
export const ErrorBody = Type.Object({
  error: Type.String({ description: 'Stable machine-readable code, e.g. TOKEN_INVALID, WRONG_STATE.' }),
  message: Type.String({ description: 'What went wrong and what to do, in plain words.' }),
});

const refused = 'Refused: invalid input, a missing or wrong status token, or not possible in the request’s state.';
const ClientError = Type.Object(ErrorBody.properties, { description: refused });
export const ServerError = Type.Object(ErrorBody.properties, { description: 'Failed on our side; nothing was changed.' });

// A refused code also says how many tries remain, so a portal can tell the subject.
const CodeRefusal = Type.Object(
  { ...ErrorBody.properties, attemptsLeft: Type.Optional(Type.Integer()), status: Type.Optional(literalUnion(REQUEST_STATUSES)) },
  { description: refused },
);

/** A route's response schemas: its 2xx bodies, and the error body for every 4xx and 5xx. */
export const withErrors = <R extends Record<number, TSchema>>(ok: R) => ({ ...ok, '4xx': ClientError, '5xx': ServerError });

/** The code check's responses: its refusals carry the attempts left besides the error body. */
export const verificationResponses = { ...withErrors({ 200: VerificationResult }), '4xx': CodeRefusal };
