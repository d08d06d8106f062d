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
