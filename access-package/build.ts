// Builds the encrypted zip that answers an access request: every store's records of the
// subject, spooled per category, then a summary page and a JSON and a CSV file per
// category, zipped as a stream through the chunked cipher onto disk. Memory holds one
// batch of records and a few buffers, whatever the subject's size.
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { encryptStream } from '../crypto/stream-cipher';
import type { DataStore, SubjectKeys } from '../stores/data-store';
import { CategorySpool, type SpoolSummary } from './spool';
import { summaryPage } from './summary-page';

export interface BuildInput {
  requestId: string;
  subject: SubjectKeys;
  stores: readonly DataStore[];
  /** The package directory; the file is written there under `fileName`. */
  dir: string;
  fileName: string;
  /** The package's own AES-256 key. */
  key: Buffer;
  now: Date;
  /** Called as records and bytes go by, so a long build can tell Temporal it is alive. */
  onProgress?: () => void;
  /** Only these categories go in (a portability package: what the subject provided); all when unset. */
  only?: (store: string, category: string) => boolean;
  /** Files added beside the data, e.g. a portability package's manifest and JSON Schema, made from
   *  what was exported (per store and category: records and columns; never values). */
  extraEntries?: (contents: BuiltPackage['contents']) => Array<{ name: string; content: string }>;
}

/** What was built: where, how big, and per category how many records (no values). */
export interface BuiltPackage {
  path: string;
  /** Size of the zip itself, before encryption: what the subject downloads. */
  sizeBytes: number;
  rowCount: number;
  contents: Array<{ store: string; category: string; records: number; columns: string[] }>;
}

/** A zip entry name from a store or category name: letters, digits, dot, dash, underscore. */
const safe = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_');
const filesOf = (s: SpoolSummary) => ({ json: `${safe(s.store)}/${safe(s.category)}.json`, csv: `${safe(s.store)}/${safe(s.category)}.csv` });

/** Exports the subject from every store into one encrypted zip file. */
export async function buildAccessPackage(input: BuildInput): Promise<BuiltPackage> {
  await mkdir(input.dir, { recursive: true, mode: 0o700 });
  const work = await mkdtemp(path.join(input.dir, '.spool-'));
  const spools: CategorySpool[] = [];
  try {
    const summaries: SpoolSummary[] = [];
    for (const store of input.stores) {
      const byCategory = new Map<string, CategorySpool>();
      const spoolOf = (category: string) => {
        let spool = byCategory.get(category);
        if (!spool) {
          spool = new CategorySpool(path.join(work, `${spools.length}.jsonl.enc`), input.key, store.name, category);
          byCategory.set(category, spool);
          spools.push(spool);
        }
        return spool;
      };
      let records = 0;
      for await (const { category, record } of store.exportStream(input.subject)) {
        if (input.only && !input.only(store.name, category)) continue;
        await spoolOf(category).write(record);
        if (++records % 1000 === 0) input.onProgress?.();
      }
      await Promise.all([...byCategory.values()].map((s) => s.close()));
      // Categories without records are listed too, so the subject sees what was searched.
      const empty = store.categories.filter((c) => !byCategory.has(c) && (!input.only || input.only(store.name, c))).map((c) => ({ store: store.name, category: c, count: 0, columns: [], preview: [] }));
      summaries.push(...[...byCategory.values()].map((s) => s.summary), ...empty);
    }

    const zip = new ZipFile();
    const mtime = input.now;
    zip.addBuffer(Buffer.from(summaryPage({ requestId: input.requestId, createdAt: input.now, categories: summaries, filesOf })), 'index.html', { mtime });
    for (const spool of spools) {
      const files = filesOf(spool.summary);
      zip.addReadStreamLazy(files.json, { mtime }, (cb) => cb(null, spool.jsonStream()));
      zip.addReadStreamLazy(files.csv, { mtime }, (cb) => cb(null, spool.csvStream()));
    }
    const contents = summaries.map((s) => ({ store: s.store, category: s.category, records: s.count, columns: s.columns }));
    for (const extra of input.extraEntries?.(contents) ?? []) zip.addBuffer(Buffer.from(extra.content), extra.name, { mtime });
    zip.end();

    let sizeBytes = 0;
    const counter = new PassThrough();
    counter.on('data', (chunk: Buffer) => {
      sizeBytes += chunk.length;
      input.onProgress?.();
    });
    const final = path.join(input.dir, input.fileName);
    const partial = `${final}.part`;
    try {
      await pipeline(zip.outputStream, counter, encryptStream(input.key), createWriteStream(partial, { mode: 0o600 }));
      // Renamed only when complete: a file under its final name is always a whole package.
      await rename(partial, final);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    return {
      path: final,
      sizeBytes,
      rowCount: summaries.reduce((n, s) => n + s.count, 0),
      contents,
    };
  } finally {
    await Promise.all(spools.map((s) => s.close().catch(() => undefined)));
    await rm(work, { recursive: true, force: true });
  }
}
