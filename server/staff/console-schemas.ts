// Schemas of the staff console's reading and legal routes: the review queue, a request's
// timeline, legal holds, exemption signals, staff accounts and the data map.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { REQUEST_TYPES } from '../../domain/request-kinds';
import { REQUEST_STATUSES } from '../../domain/status';
import { literalUnion } from '../schemas';
import { STAFF_ROLES } from './roles';
import { StaffStatusView } from './schemas';

const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Instant = Type.String({ format: 'date-time' });
const Uuid = Type.String({ format: 'uuid' });
const Note = (description: string) => Type.String({ minLength: 3, maxLength: 2000, description });
const StoreName = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'A data store’s name, as in the data map.' });
const CategoryName = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'A data category, as in the data map.' });

export const QUEUE_VIEWS = ['stuck', 'failing', 'overdue', 'due-soon', 'awaiting-decision', 'awaiting-approval', 'open', 'mine'] as const;
export const QUEUE_SORTS = ['deadline', '-deadline', 'received'] as const;
export const AWAITING = ['identity', 'fee', 'decision', 'approval', 'store', 'manual-task'] as const;

export const QueueQuery = Type.Object(
  {
    view: literalUnion(QUEUE_VIEWS),
    sort: Type.Optional(literalUnion(QUEUE_SORTS)),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'From 1.' })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'At most 200; 50 unless given.' })),
  },
  strict,
);

export const QueueItem = Type.Object({
  id: Uuid,
  type: literalUnion(REQUEST_TYPES),
  regime: Type.String(),
  channel: Type.String(),
  status: literalUnion(REQUEST_STATUSES),
  receivedAt: Instant,
  dueAt: Nullable(Instant),
  daysLeft: Nullable(Type.Integer({ description: 'Calendar days (UTC) until the due date; negative once it has passed.' })),
  stuck: Type.Boolean(),
  failingStores: Type.Array(Type.String(), { description: 'Stores that failed or are being retried after an error.' }),
  awaiting: Nullable(literalUnion(AWAITING)),
  openedBy: Nullable(Type.String({ description: 'Staff id of the member of staff who opened the request for the subject.' })),
});
export type QueueItem = Static<typeof QueueItem>;

export const QueuePage = Type.Object(
  { total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(QueueItem) },
  { description: 'One page of the queue; no personal data.' },
);
export type QueuePage = Static<typeof QueuePage>;

export const HoldView = Type.Object({
  holdId: Uuid,
  store: Nullable(Type.String()),
  category: Nullable(Type.String()),
  authority: Type.String(),
  reference: Nullable(Type.String()),
  reason: Type.String(),
  basis: Type.String(),
  startsAt: Instant,
  endsAt: Nullable(Instant),
  releasedAt: Nullable(Instant),
  releasedBy: Nullable(Type.String()),
  createdBy: Type.String(),
  active: Type.Boolean(),
});
export type HoldView = Static<typeof HoldView>;

export const SignalView = Type.Object({
  signalId: Uuid,
  ground: Type.String(),
  note: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: Instant,
  clearedAt: Nullable(Instant),
});
export type SignalView = Static<typeof SignalView>;

export const TimelineEvent = Type.Object({
  at: Instant,
  actor: Type.String({ description: 'Who acted: a staff member by display name, else as recorded (system, subject).' }),
  actorId: Type.String({ description: 'The actor as the audit trail records it, e.g. staff:<account id>.' }),
  action: Type.String(),
  reason: Type.Optional(Type.String()),
  details: Type.Optional(Type.Unknown()),
});
export const StoreTaskView = Type.Object({
  store: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  lastError: Type.Optional(Type.String()),
  processed: Type.Optional(Type.Integer()),
  retained: Type.Optional(Type.Unknown()),
  justification: Type.Optional(Type.String()),
  settledBy: Type.Optional(Type.String()),
  updatedAt: Instant,
});
export const Timeline = Type.Object(
  {
    request: StaffStatusView,
    events: Type.Array(TimelineEvent, { description: 'The audit trail, oldest first.' }),
    storeTasks: Type.Array(StoreTaskView),
    holds: Type.Array(HoldView, { description: 'Legal holds binding the subject now.' }),
    signals: Type.Array(SignalView, { description: 'Exemption signals on record for the subject, not cleared.' }),
  },
  { description: 'The request, its audit trail, its stores, and the holds and signals on its subject.' },
);
export type Timeline = Static<typeof Timeline>;

export const PlaceHoldBody = Type.Object(
  {
    requestId: Type.String({ format: 'uuid', description: 'A request of the subject: the hold binds that subject, and is audited on that request.' }),
    store: Type.Optional(StoreName),
    category: Type.Optional(CategoryName),
    authority: Type.String({ minLength: 2, maxLength: 200, description: 'Who imposed the obligation, e.g. a court or a public security bureau.' }),
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The order’s reference number.' })),
    reason: Note('Why the data must be kept; stays on the hold, not in the audit trail.'),
    basis: Type.String({ minLength: 3, maxLength: 500, description: 'The legal citation given to the subject.' }),
    endsAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the obligation ends; open-ended if absent.' })),
  },
  strict,
);
export type PlaceHoldBody = Static<typeof PlaceHoldBody>;
export const HoldsQuery = Type.Object({ requestId: Type.Optional(Uuid), active: Type.Optional(Type.Boolean()) }, strict);
export type HoldsQuery = Static<typeof HoldsQuery>;
export const HoldParams = Type.Object({ holdId: Uuid });
export const ReleaseBody = Type.Object({ reason: Note('Why the hold ends, e.g. the order was lifted; kept in the audit trail.') }, strict);

export const SignalBody = Type.Object(
  {
    ground: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,63}$', description: 'A refusal-ground code of the request’s regime, e.g. CRIMINAL_INVESTIGATION.' }),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'The order or fact behind it; kept on the signal, not in the audit trail.' })),
  },
  strict,
);
export type SignalBody = Static<typeof SignalBody>;
export const SignalParams = Type.Object({ signalId: Uuid });
export const ClearBody = Type.Object({ reason: Note('Why the signal no longer applies; kept in the audit trail.') }, strict);

export const StaffAccountRow = Type.Object({
  staffId: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  role: literalUnion(STAFF_ROLES),
  disabled: Type.Boolean(),
  /** Whether a TOTP secret is set up (compliance and admin need one; it is set up at their first sign-in). */
  secondFactor: Type.Boolean(),
  /** Not a lock: after wrong passwords in a row the next password is not checked before this instant (the field keeps its old name). */
  lockedUntil: Nullable(Instant),
  createdAt: Instant,
});
export type StaffAccountRow = Static<typeof StaffAccountRow>;
export const StaffAccountList = Type.Object({ accounts: Type.Array(StaffAccountRow) }, { description: 'Every staff account, by username.' });
export const StaffIdParams = Type.Object({ staffId: Uuid });
export const ChangeStaffBody = Type.Object(
  {
    role: Type.Optional(literalUnion(STAFF_ROLES)),
    disabled: Type.Optional(Type.Boolean({ description: 'true signs the account out and keeps it out.' })),
    resetSecondFactor: Type.Optional(Type.Boolean({ description: 'true forgets the TOTP secret (a lost phone) and signs the account out; the next sign-in sets up a new one.' })),
  },
  { ...strict, minProperties: 1 },
);
export type ChangeStaffBody = Static<typeof ChangeStaffBody>;

export const CONNECTION_STATES = ['connected', 'unconnected', 'unknown'] as const;
export const DataMapView = Type.Object(
  {
    stores: Type.Array(
      Type.Object({
        name: Type.String(),
        kind: Type.String(),
        identityKey: Type.String(),
        connection: Nullable(Type.String({ description: 'The setting that connects it.' })),
        state: literalUnion(CONNECTION_STATES),
        description: Nullable(Type.String()),
        categories: Type.Array(Type.Object({ name: Type.String(), erase: Type.String(), corrections: Type.Boolean() })),
      }),
    ),
  },
  { description: 'Where the engine looks for personal data, and which stores this deployment searches.' },
);
export type DataMapView = Static<typeof DataMapView>;
