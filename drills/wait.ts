// Waiting for the drill's requests to close, with a progress line every few seconds.
import type { Client } from '@temporalio/client';
import { CLOSED_STATUSES } from '../domain/status';
import type { Db } from '../db/prisma';
import type { DrillRequest } from './requests';

const POLL_MS = 1000;
const REPORT_EVERY_MS = 5000;

/** How many of the requests are in a closed status in the database. */
export async function closedCount(db: Db, requests: DrillRequest[]): Promise<number> {
  return db.dsrRequest.count({ where: { id: { in: requests.map((r) => r.requestId) }, status: { in: [...CLOSED_STATUSES] } } });
}

/** Resolves when every request is closed in the database, or when `timeoutMs` has passed
 *  (the audit then names what is missing); returns the number closed. */
export async function waitForClosed(db: Db, requests: DrillRequest[], timeoutMs: number, log: (line: string) => void): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let lastReport = 0;
  for (;;) {
    // The database may be down in a drill: a failed poll simply counts as no progress.
    const closed = await closedCount(db, requests).catch(() => -1);
    if (closed === requests.length) {
      log(`closed ${closed}/${requests.length}`);
      return closed;
    }
    if (Date.now() - lastReport >= REPORT_EVERY_MS) {
      log(closed < 0 ? 'closed ?/' + requests.length + ' (database not answering)' : `closed ${closed}/${requests.length}`);
      lastReport = Date.now();
    }
    if (Date.now() > deadline) {
      log(`gave up waiting after ${Math.round(timeoutMs / 1000)} s`);
      return Math.max(closed, 0);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Resolves when every request's workflow has finished too, or at `deadline` (epoch ms): a
 *  request's reply writes its closing row, and the workflow ends once Temporal has taken that
 *  activity's completion, which a fault can delay until the activity's heartbeat times out and
 *  it is retried. Returns the number finished. */
export async function waitForFinished(client: Client, requests: DrillRequest[], deadline: number, log: (line: string) => void): Promise<number> {
  const running = new Set(requests.map((r) => r.workflowId));
  let lastReport = 0;
  for (;;) {
    for (const workflowId of [...running]) {
      const status = await client.workflow
        .getHandle(workflowId)
        .describe()
        .then((d) => d.status.name, () => 'RUNNING');
      if (status !== 'RUNNING') running.delete(workflowId);
    }
    const finished = requests.length - running.size;
    if (running.size === 0 || Date.now() > deadline || Date.now() - lastReport >= REPORT_EVERY_MS) {
      log(`workflows finished ${finished}/${requests.length}`);
      lastReport = Date.now();
    }
    if (running.size === 0) return finished;
    if (Date.now() > deadline) {
      log('gave up waiting for the workflows');
      return finished;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
