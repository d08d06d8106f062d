// Moved to db/audit.ts (the audit writer is used below activities/: legal/, access-package/,
// server/). This re-export only keeps branches written before the move compiling; import
// db/audit and delete this file once they are merged.
export { appendAudit, type AuditEntry } from '../db/audit';
