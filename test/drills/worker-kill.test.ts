// The worker-kill drill, short: 20 automatic requests while the worker process is killed
// with SIGKILL twice, on the real Temporal dev server, PostgreSQL and SMTP. Every request
// must still close, with exactly one reply each and a complete audit trail.
import { freshDatabase } from '../../drills/database';
import { runDrill } from '../../drills/drill';
import { workerKillDrill } from '../../drills/worker-kill';

describe('worker-kill drill', () => {
  it('when the worker is SIGKILLed twice mid-run, then every request completes with one reply and a complete audit', async () => {
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
    expect({ problems: result.problems, events: result.events }).toEqual({ problems: [], events: expect.arrayContaining([expect.stringContaining('SIGKILL worker (2/2)')]) });
    expect(result).toMatchObject({ requests: 20, finished: 20, replies: 20, duplicates: 0, missing: 0, failedRequests: 0, verdict: 'PASS' });
  }, 240_000);
});
