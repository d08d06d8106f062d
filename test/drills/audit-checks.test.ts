// The drills' audit must be able to fail: each broken fact below is named as a problem.
import { requestProblems, repeatedEvents, type RequestFacts } from '../../drills/audit-checks';
import type { DrillRequest } from '../../drills/requests';

const request: DrillRequest = { requestId: '11111111-1111-4111-8111-111111111111', workflowId: 'dsr-1', type: 'DELETION', email: 'x@example.org' };
const id = request.requestId;
let n = 0n;
const event = (action: string, details: unknown = null, eventKey: string | null = `${id}:${action}`) => ({ id: ++n, action, reason: null, details, eventKey });

/** The facts of a deletion request that came through intact. */
function intact(): RequestFacts {
  n = 0n;
  return {
    dbStatus: 'COMPLETED',
    closedAt: new Date(),
    outcome: 'FULFILLED',
    events: [
      event('REQUEST_RECEIVED'),
      event('IDENTITY_ATTESTED', null, null),
      event('STATUS_CHANGED', { from: 'RECEIVED', to: 'IN_FULFILMENT' }, `${id}:t1`),
      event('FULFILMENT_PLANNED', { stores: ['customer-accounts', 'service-logs'] }),
      event('STORE_FULFILLED', { store: 'customer-accounts' }, 'k1'),
      event('STORE_FULFILLED', { store: 'service-logs' }, 'k2'),
      event('NOTICE_SENT', { kind: 'deletion-done' }),
      event('REPLY_SENT'),
      event('STATUS_CHANGED', { from: 'IN_FULFILMENT', to: 'COMPLETED' }, `${id}:t2`),
    ],
    tasks: [
      { store: 'customer-accounts', status: 'DONE', settledBy: 'ENGINE' },
      { store: 'service-logs', status: 'DONE', settledBy: 'ENGINE' },
    ],
    sentMail: [{ messageKey: `${id}.notice.deletion-done.1`, state: 'SENT' }],
    replies: 1,
    temporalStatus: 'COMPLETED',
    workflowStatus: 'COMPLETED',
    recordsLeft: 0,
  };
}

describe('drill audit checks', () => {
  it('when a request came through intact, then no problem is named', () => {
    expect(requestProblems(request, intact())).toEqual([]);
  });

  it('when the reply is missing or came twice, then that is named', () => {
    expect(requestProblems(request, { ...intact(), replies: 0 })).toContain('no reply mail received');
    expect(requestProblems(request, { ...intact(), replies: 2 })).toContain('2 copies of the reply received');
  });

  it('when a status move is missing, then the gap is named', () => {
    const f = intact();
    f.events = f.events.filter((e) => e.eventKey !== `${id}:t1`);
    expect(requestProblems(request, f)).toEqual(expect.arrayContaining(['status move #1 missing (found t2)', 'status move t2 starts from IN_FULFILMENT, expected RECEIVED']));
  });

  it('when a store is left pending without an audit record, then it is named as skipped in silence', () => {
    const f = intact();
    f.tasks[1] = { store: 'service-logs', status: 'PENDING', settledBy: null };
    expect(requestProblems(request, f)).toContain('store service-logs left PENDING without any audit record');
  });

  it('when the workflow is still running or data is left after a deletion, then both are named', () => {
    const problems = requestProblems(request, { ...intact(), temporalStatus: 'RUNNING', recordsLeft: 3 });
    expect(problems).toEqual(expect.arrayContaining(['workflow RUNNING', '3 records of the subject left after deletion']));
  });

  it('when an event without a key was appended twice, then it is reported as repeated', () => {
    const f = intact();
    f.events.push({ ...f.events[1]!, id: 99n });
    expect(repeatedEvents(f)).toEqual(['IDENTITY_ATTESTED']);
  });
});
