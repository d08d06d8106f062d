// The audit writer now lives with the other typed records (db/records/audit-records.ts); this
// re-export keeps branches written against the old path compiling until they are merged.
export { appendAudit, type AuditEntry } from './records/audit-records';
