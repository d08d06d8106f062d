// Small measuring helpers shared by the sections: percentiles, bounded concurrency, progress.

/** The p-th percentile (0..100) of the samples, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (samples: number[]) => percentile(samples, 50);

/** Runs `task(i)` for i in [0, count) with at most `limit` in flight. */
export async function runBounded(count: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
}

/** Runs `count` tasks from `clients` clients, each starting its next task `intervalMs` after
 *  its previous start (or at once, if that one took longer): an arrival rate of
 *  clients / intervalMs, as people using a portal submit, rather than as fast as answers come. */
export async function runPaced(count: number, clients: number, intervalMs: number, task: () => Promise<void>): Promise<void> {
  let next = 0;
  const client = async (offset: number) => {
    // Spread the clients' first starts over one interval, so the arrivals are even.
    await new Promise((r) => setTimeout(r, offset));
    while (next < count) {
      next += 1;
      const start = performance.now();
      await task();
      const wait = intervalMs - since(start);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  };
  await Promise.all(Array.from({ length: Math.min(clients, count) }, (_, i) => client((i * intervalMs) / clients)));
}

/** A one-line progress counter on stdout ("label 37/200"). */
export function progress(label: string, total: number): () => void {
  let done = 0;
  const tty = process.stdout.isTTY;
  return () => {
    done += 1;
    if (tty) process.stdout.write(`\r  ${label} ${done}/${total}${done === total ? '\n' : ''}`);
    else if (done % Math.max(1, Math.floor(total / 10)) === 0 || done === total) console.log(`  ${label} ${done}/${total}`);
  };
}

/** Milliseconds since `start` (from performance.now()). */
export const since = (start: number) => performance.now() - start;

export const round = (n: number, digits = 1) => Number(n.toFixed(digits));
