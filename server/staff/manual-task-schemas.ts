// Schemas of the manual-task and deletion-certificate routes of the staff console API.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { literalUnion } from '../schemas';

const strict = { additionalProperties: false } as const;
const Instant = Type.String({ format: 'date-time' });
const OrNull = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ManualTaskQuery = Type.Object({ status: Type.Optional(literalUnion(['OPEN', 'DONE'] as const)) }, strict);
export type ManualTaskQuery = Static<typeof ManualTaskQuery>;

export const ManualTaskBody = Type.Object(
  {
    note: Type.String({ minLength: 3, maxLength: 2000, description: 'What was checked or done, e.g. "Archive room B checked, nothing found"; kept in the audit trail, so no personal data.' }),
    nothingFound: Type.Boolean({ description: 'True for "checked, nothing found".' }),
    processed: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Records dealt with, when counted; 0 or absent with nothingFound.' })),
  },
  strict,
);
export type ManualTaskBody = Static<typeof ManualTaskBody>;

const ManualTaskRow = Type.Object({
  taskId: Type.String({ format: 'uuid' }),
  requestId: Type.String({ format: 'uuid' }),
  store: Type.String(),
  type: Type.String(),
  status: literalUnion(['OPEN', 'DONE'] as const),
  instructions: Type.String({ description: 'From the data map, as they were when the task was opened.' }),
  createdAt: Instant,
  dueAt: OrNull(Instant),
  requestStatus: Type.String(),
  outcome: OrNull(literalUnion(['FOUND_AND_DONE', 'NOTHING_FOUND'] as const)),
  processed: OrNull(Type.Integer()),
  note: OrNull(Type.String()),
  completedBy: OrNull(Type.String()),
  completedAt: OrNull(Instant),
});
export const ManualTaskList = Type.Object({ tasks: Type.Array(ManualTaskRow) }, { description: 'Manual tasks, oldest first; no personal data.' });

const Retained = Type.Object({
  category: Type.String(),
  records: Type.Integer(),
  reason: literalUnion(['LEGAL_HOLD', 'EXEMPTION'] as const),
  reference: Type.String(),
  basis: Type.String(),
});
const CertificateStore = Type.Object({
  store: Type.String(),
  search: Type.Optional(literalUnion(['SEARCHED', 'NOTHING_FOUND', 'NOT_SEARCHED'] as const)),
  located: Type.Optional(Type.Record(Type.String(), Type.Integer())),
  notSearchedReason: Type.Optional(Type.String()),
  settledBy: literalUnion(['ENGINE', 'SKIPPED', 'MANUAL', 'NOT_SETTLED'] as const),
  settledAt: OrNull(Instant),
  erased: Type.Integer(),
  anonymised: Type.Integer(),
  retained: Type.Array(Retained),
  justification: Type.Optional(Type.String()),
  note: Type.Optional(Type.String()),
  manualOutcome: Type.Optional(literalUnion(['FOUND_AND_DONE', 'NOTHING_FOUND'] as const)),
});
export const CertificateView = Type.Object(
  {
    certificateId: Type.String({ format: 'uuid' }),
    requestId: Type.String({ format: 'uuid' }),
    issuedAt: Instant,
    digest: Type.String({ description: 'SHA-256 (hex) of the body’s canonical JSON, keys sorted at every level.' }),
    body: Type.Object({
      version: Type.Union([Type.Literal(1), Type.Literal(2)]),
      requestId: Type.String(),
      requestType: Type.String(),
      regime: Type.String(),
      receivedAt: Instant,
      completedOn: Type.String({ format: 'date' }),
      stores: Type.Array(CertificateStore),
      accessPackagesPurged: Type.Optional(Type.Array(Type.Object({ packageId: Type.String(), requestId: Type.String(), purgedAt: Instant }))),
      totals: Type.Object({ erased: Type.Integer(), anonymised: Type.Integer(), retained: Type.Integer() }),
    }),
  },
  { description: 'The stored deletion certificate: per store what went, what was kept and why, how it was settled.' },
);
