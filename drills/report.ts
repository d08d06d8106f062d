// The drills' summary: one table row per drill, the problems found, and results JSON.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { DrillResult } from './drill';

const COLUMNS = ['drill', 'requests', 'finished', 'replies', 'duplicates', 'missing', 'seconds', 'verdict'] as const;

/** The table, padded for a terminal. */
export function resultTable(results: DrillResult[]): string {
  const rows = [COLUMNS.map(String), ...results.map((r) => COLUMNS.map((c) => String(r[c])))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

/** The problems and notes of each drill, for after the table. */
export function findings(results: DrillResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.problems.length > 0) lines.push(`${r.drill}: ${r.failedRequests} request(s) with problems; first ones:`, ...r.problems.map((p) => `  - ${p}`));
    for (const n of r.notes) lines.push(`${r.drill} (note): ${n}`);
  }
  return lines.join('\n');
}

export function writeResults(file: string, results: DrillResult[], started: number): void {
  const machine = { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 1024 ** 3), node: process.version };
  const body = { date: new Date().toISOString(), machine, durationSeconds: Math.round((Date.now() - started) / 1000), results };
  writeFileSync(file, JSON.stringify(body, null, 2) + '\n');
}
