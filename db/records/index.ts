// The engine's own rows (requests, their audit trail, store tasks, verification challenges)
// read and written as typed records: the one boundary between the domain's types and the
// database's text and JSON. Nothing outside db/ should need an `as` to read these rows.
export * from './checked-value';
export * from './request-records';
export * from './store-task-records';
export * from './audit-records';
export * from './challenge-records';
export * from './request-sets';
