// The typed boundary to the engine's rows (db/records/): a column's text leaves the database
// as the domain's type when it is one of the domain's values, and as a named error otherwise,
// never as a type it is not.
import { auditRecord, requestRecord, storeTaskRecord, UnknownStoredValue } from '../../db/records';
import { REGIME_KEYS } from '../../domain/regime-key';
import { CHANNELS, REQUEST_TYPES } from '../../domain/request-kinds';
import { REQUEST_STATUSES } from '../../domain/status';

const row = { id: 'r-1', type: 'DELETION', status: 'AWAITING_APPROVAL', channel: 'PHONE', regime: 'CN_PIPL', language: 'zh', awaiting: null, fee: null, details: { minor: { ageBand: 'UNDER_14', filedBy: 'COMPLIANCE' } }, extensions: 0 };

describe('typed request records', () => {
  test('when every value is one of the domain’s, then the record carries them unchanged and leaves other columns as they are', () => {
    expect(requestRecord(row)).toEqual(row);
  });

  test('when a selection holds only some typed columns, then only those are checked', () => {
    expect(requestRecord({ type: 'ACCESS', subjectId: 's-1' })).toEqual({ type: 'ACCESS', subjectId: 's-1' });
  });

  test.each([
    ['type', 'ERASURE', REQUEST_TYPES],
    ['status', 'PENDING', REQUEST_STATUSES],
    ['channel', 'FAX', CHANNELS],
    ['regime', 'MARS', REGIME_KEYS],
  ] as const)('when the %s column holds %s, then reading it fails naming the column and the values it may hold', (column, value, allowed) => {
    const read = () => requestRecord({ ...row, [column]: value });
    expect(read).toThrow(UnknownStoredValue);
    expect(read).toThrow(`DsrRequest.${column} holds "${value}", which is none of ${allowed.join(', ')}.`);
  });

  test('when what the request awaits is unknown, then reading fails; when it awaits nobody, then it is null', () => {
    expect(() => requestRecord({ awaiting: 'SOMEONE' })).toThrow('DsrRequest.awaiting holds "SOMEONE"');
    expect(requestRecord({ awaiting: null }).awaiting).toBeNull();
  });
});

describe('typed store-task and audit records', () => {
  test('when a store task’s status is not a store state, then reading it fails naming the column', () => {
    expect(storeTaskRecord({ store: 'crm', status: 'DONE', retained: null }).status).toBe('DONE');
    expect(() => storeTaskRecord({ store: 'crm', status: 'done' })).toThrow('StoreTask.status holds "done", which is none of PENDING, DONE, FAILED, SKIPPED, MANUAL.');
  });

  test('when an audit event’s details are not an object, then reading them fails; an object or none passes', () => {
    expect(auditRecord({ details: { store: 'crm' } }).details).toEqual({ store: 'crm' });
    expect(auditRecord({ details: null }).details).toBeNull();
    expect(() => auditRecord({ details: ['crm'] })).toThrow('AuditEvent.details holds an array, not an object.');
  });
});
