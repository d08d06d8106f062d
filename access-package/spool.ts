// A category's records while the package is being built. Stores hand records over in any
// order across categories, but a zip takes one whole file after another, so each
// category's records go first to a spool file of JSON lines, encrypted under the
// package's key (personal data never lands on disk in clear), and are read back in turn.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { decryptStream, encryptStream } from '../crypto/stream-cipher';
import { csvLine } from './csv';

export type PackageRecord = Record<string, string | number | null>;

/** How many records of a category the HTML summary shows; the files hold them all. */
export const PREVIEW_RECORDS = 20;

/** Counts, column names and the first few records of a spooled category. */
export interface SpoolSummary {
  store: string;
  category: string;
  count: number;
  /** Every column seen, in the order first seen: the CSV header. */
  columns: string[];
  preview: PackageRecord[];
}

/** Text pieces joined into chunks of about 64 KiB: a stream of one-record chunks costs more in overhead than in work. */
async function* chunked(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = '';
  for await (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= 65_536) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

export class CategorySpool {
  private readonly input: Transform;
  private readonly written: Promise<void>;
  private readonly columnSet = new Set<string>();
  readonly summary: SpoolSummary;

  constructor(
    readonly file: string,
    private readonly key: Buffer,
    store: string,
    category: string,
  ) {
    this.summary = { store, category, count: 0, columns: [], preview: [] };
    this.input = encryptStream(key);
    this.written = pipeline(this.input, createWriteStream(file, { mode: 0o600 }));
    // Failures surface through write() and close(); this keeps an early one from going unhandled.
    this.written.catch(() => undefined);
  }

  /** Appends a record, waiting when the file falls behind, so memory stays bounded. */
  async write(record: PackageRecord): Promise<void> {
    const s = this.summary;
    s.count += 1;
    for (const column of Object.keys(record)) {
      if (!this.columnSet.has(column)) s.columns.push(column);
      this.columnSet.add(column);
    }
    if (s.preview.length < PREVIEW_RECORDS) s.preview.push(record);
    if (!this.input.write(`${JSON.stringify(record)}\n`)) await Promise.race([once(this.input, 'drain'), this.written]);
  }

  /** Ends the file and waits until it is on disk. */
  async close(): Promise<void> {
    this.input.end();
    await this.written;
  }

  /** The spooled records again, one JSON text a line, without parsing them. */
  async *lines(): AsyncGenerator<string> {
    const decrypted = decryptStream(this.key);
    // pipeline destroys the decryptor with the file's error, which ends the loop below with it.
    pipeline(createReadStream(this.file), decrypted).catch(() => undefined);
    const text = new StringDecoder('utf8');
    let rest = '';
    for await (const chunk of decrypted) {
      const lines = (rest + text.write(chunk as Buffer)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line) yield line;
    }
    rest += text.end();
    if (rest) yield rest;
  }

  /** The category as one JSON array, a record a line. */
  jsonStream(): Readable {
    return Readable.from(chunked(jsonArray(this.lines())));
  }

  /** The category as CSV under a header of every column seen. */
  csvStream(): Readable {
    return Readable.from(chunked(csvRows(this.summary.columns, this.lines())));
  }
}

/** JSON lines as the text of one array; the lines are JSON already, so they are not parsed. */
async function* jsonArray(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const line of lines) {
    yield `${first ? '\n' : ',\n'}${line}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

/** JSON lines as CSV: the header, then each record's values in the header's order. */
async function* csvRows(columns: string[], lines: AsyncIterable<string>): AsyncGenerator<string> {
  yield csvLine(columns);
  for await (const line of lines) {
    const record = JSON.parse(line) as PackageRecord;
    yield csvLine(columns.map((c) => record[c]));
  }
}
