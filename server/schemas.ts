// Request and response schemas: one definition drives validation, types and the docs.
import { Type, type Static } from '@sinclair/typebox';
import { LANGUAGES, REQUEST_TYPES } from '../domain/request-kinds';

const literalUnion = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const SubmitRequestBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    type: literalUnion(REQUEST_TYPES),
    regime: Type.Optional(Type.String({ pattern: '^[A-Z_]{2,20}$', description: 'Regime key; otherwise chosen from residence.' })),
    residence: Type.Optional(Type.String({ pattern: '^[A-Z]{2}(-[A-Z0-9]{1,3})?$', description: 'ISO 3166 country or subdivision, e.g. CN, DE, US-CA.' })),
    language: Type.Optional(literalUnion(LANGUAGES)),
    corrections: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-zA-Z]{1,40}$' }), Type.String({ minLength: 1, maxLength: 200 }), { maxProperties: 10 }),
    ),
  },
  { additionalProperties: false },
);
export type SubmitRequestBody = Static<typeof SubmitRequestBody>;

export const RequestIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export type RequestIdParams = Static<typeof RequestIdParams>;

export const VerifyBody = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$', description: 'The six digits from the e-mail.' }) },
  { additionalProperties: false },
);
export type VerifyBody = Static<typeof VerifyBody>;
