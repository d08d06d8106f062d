// Request and response schemas of the staff console API.
import { Type, type Static } from '@sinclair/typebox';
import { literalUnion, SubmitRequestBody, StatusView } from '../schemas';
import { STAFF_ROLES } from './roles';
import { MINOR_AGE_BANDS } from '../../domain/minor';

const Note = (description: string) => Type.String({ minLength: 3, maxLength: 2000, description });
const strict = { additionalProperties: false } as const;

export const STAFF_CHANNELS = ['PHONE', 'EMAIL', 'IN_PERSON'] as const;

export const LoginBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, strict);
export type LoginBody = Static<typeof LoginBody>;

export const StaffMe = Type.Object(
  { staffId: Type.String({ format: 'uuid' }), role: literalUnion(STAFF_ROLES), displayName: Type.String() },
  { description: 'The signed-in member of staff.' },
);
export const SignedIn = Type.Object(
  { ...StaffMe.properties, csrfToken: Type.String({ description: 'Send it as X-CSRF-Token with every call that changes something.' }) },
  { description: 'Signed in: the session cookie is set; keep the CSRF token in memory only.' },
);
export type SignedIn = Static<typeof SignedIn>;
export const SecondFactorDue = Type.Object(
  {
    secondFactor: Type.Literal('TOTP'),
    csrfToken: Type.String({ description: 'Send it as X-CSRF-Token with POST /api/staff/session/totp.' }),
    setup: Type.Optional(
      Type.Object(
        { secret: Type.String({ description: 'Base32 secret for an authenticator app.' }), otpauthUri: Type.String({ description: 'The same as an otpauth:// URI (for a QR code).' }) },
        { description: 'First sign-in only: set up the authenticator with this, then send a code from it. Shown once per sign-in.' },
      ),
    ),
  },
  { description: 'Password accepted; a TOTP code is due within five minutes. The cookie set opens nothing else.' },
);
export type SecondFactorDue = Static<typeof SecondFactorDue>;
export const TotpBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 12, description: 'The six digits the authenticator app shows.' }) }, strict);
export const SignedOut = Type.Null({ description: 'Signed out: the session is revoked and the cookie cleared.' });
export const PasswordChanged = Type.Null({ description: 'The password was changed; the account’s other sessions ended.' });

export const StaffSubmitBody = Type.Object(
  {
    ...SubmitRequestBody.properties,
    channel: literalUnion(STAFF_CHANNELS),
    evidenceNote: Note('How the subject’s identity was established, e.g. which documents were checked; kept in the audit trail.'),
  },
  strict,
);
export type StaffSubmitBody = Static<typeof StaffSubmitBody>;

/** Compliance opens a deletion of a child's data collected by mistake: who the child is known as, the age band, and how it came to light. */
export const ChildDataDeletionBody = Type.Object(
  {
    email: SubmitRequestBody.properties.email,
    regime: SubmitRequestBody.properties.regime,
    residence: SubmitRequestBody.properties.residence,
    language: SubmitRequestBody.properties.language,
    phone: SubmitRequestBody.properties.phone,
    accountId: SubmitRequestBody.properties.accountId,
    ageBand: literalUnion(MINOR_AGE_BANDS),
    evidenceNote: Note('How the data was found to be a minor’s, collected by mistake, and how the records were tied to this person; kept in the erasable notes.'),
  },
  strict,
);
export type ChildDataDeletionBody = Static<typeof ChildDataDeletionBody>;

const StoreState = Type.Object({
  status: literalUnion(['PENDING', 'DONE', 'FAILED', 'SKIPPED', 'MANUAL'] as const),
  reason: Type.Optional(Type.String()),
});
export const StaffStatusView = Type.Object(
  { ...StatusView.properties, stores: Type.Record(Type.String(), StoreState, { description: 'Fulfilment by data store.' }) },
  { description: 'The status view with the state of each data store.' },
);
export type StaffStatusView = Static<typeof StaffStatusView>;

export const StoreParams = Type.Object({ id: Type.String({ format: 'uuid' }), store: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) });
export const AttestBody = Type.Object({ evidenceNote: Note('How the subject’s identity was established.') }, strict);
export const ApproveBody = Type.Object(
  { approve: Type.Boolean({ description: 'true approves the erasure; false rejects the attestation and closes the request as unverifiable.' }), reason: Note('Why; kept in the audit trail.') },
  strict,
);
export const ReasonBody = Type.Object({ reason: Note('Why; kept in the audit trail.') }, strict);
export const SkipBody = Type.Object({ justification: Note('Why the store is left out.') }, strict);
export const CompleteBody = Type.Object({ note: Note('What was done by hand.') }, strict);
export const DecideBody = Type.Object(
  {
    // CHARGE_FEE: manifestly unfounded or excessive, and the regime lets a fee be charged for it (409 where it does not).
    decision: literalUnion(['PROCEED', 'REFUSE', 'REFUSE_IN_PART', 'CHARGE_FEE'] as const),
    grounds: Type.Array(Type.Object({ code: Type.String({ maxLength: 64 }), citation: Type.String({ maxLength: 500 }) }, strict), { maxItems: 20 }),
    excluded: Type.Optional(
      Type.Array(Type.Object({ category: Type.String({ maxLength: 64 }), ground: Type.String({ maxLength: 64 }), citation: Type.String({ maxLength: 500 }) }, strict), { maxItems: 50 }),
    ),
    reason: Note('The reasons for the decision.'),
  },
  strict,
);
export type DecideBody = Static<typeof DecideBody>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Type.String({ minLength: 12, maxLength: 200 }) },
  strict,
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const NewStaffAccountBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9._-]{3,40}$' }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    role: literalUnion(STAFF_ROLES),
    password: Type.String({ minLength: 12, maxLength: 200 }),
  },
  strict,
);
export type NewStaffAccountBody = Static<typeof NewStaffAccountBody>;
export const StaffAccountView = Type.Object(
  { staffId: Type.String({ format: 'uuid' }), username: Type.String(), displayName: Type.String(), role: literalUnion(STAFF_ROLES) },
  { description: 'The account was created.' },
);
export type StaffAccountView = Static<typeof StaffAccountView>;
