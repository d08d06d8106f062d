// The worker-kill drill, short: 20 automatic requests while the worker process is killed
// with SIGKILL twice, on the real Temporal dev server, PostgreSQL and SMTP. Every request
// must still close, each with its reply (a second copy at most per kill, as the sent-log
// promises: a duplicate, never a loss) and a complete audit trail.
import { freshDatabase } from '../../drills/database';
import { runDrill } from '../../drills/drill';
import { workerKillDrill } from '../../drills/worker-kill';

describe('worker-kill drill', () => {
  it('when the worker is SIGKILLed twice mid-run, then every request completes with its reply, at most one extra copy per kill, and a complete audit', async () => {
    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    // A database of its own beside the test database (dsr_test -> dsr_test_drill), so that
    // parallel test runs with their own DSR_TEST_DB never share it.
    const databaseUrl = await freshDatabase(serverUrl, `${new URL(serverUrl).pathname.slice(1)}_drill`);
    const lines: string[] = [];

    const result = await runDrill(workerKillDrill({ kills: 2, intervalMs: 2000 }), databaseUrl, {
      requests: 20,
      settleTimeoutMs: 120_000,
      log: (line) => lines.push(line),
    });

    if (result.verdict !== 'PASS') console.log(lines.join('\n'));
    // The sent-log promises a duplicate, never a loss (mail/sent-log.ts): a worker killed after
    // the SMTP server took a reply but before the reply was marked sent sends it again once the
    // lease runs out. So each kill may cost at most one extra copy of one reply, and nothing else.
    const KILLS = 2;
    const duplicated = result.problems.filter((p) => / copies of the reply received$/.test(p));
    expect({ problems: result.problems.filter((p) => !duplicated.includes(p)), events: result.events }).toEqual({ problems: [], events: expect.arrayContaining([expect.stringContaining(`SIGKILL worker (${KILLS}/${KILLS})`)]) });
    expect(result.duplicates).toBeLessThanOrEqual(KILLS);
    expect(duplicated.every((p) => p.includes(': 2 copies'))).toBe(true);
    // Every request got its reply (`replies` counts requests answered, not mails).
    expect(result).toMatchObject({ requests: 20, finished: 20, replies: 20, missing: 0 });
    // The audit counts a request with an extra copy as failed; no request may fail for anything else.
    expect(result.failedRequests).toBe(duplicated.length);
  }, 240_000);
});
