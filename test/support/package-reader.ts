// Reading an access package the way the subject would: decrypt it (the server's step),
// then open the zip with yauzl. Entries are streamed, so the large-package test can count
// records without holding the file in memory.
import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openPromise } from 'yauzl';
import { openPackageKey } from '../../access-package/package-key';
import type { FieldCipher } from '../../crypto/field-cipher';
import { decryptStream } from '../../crypto/stream-cipher';

/** Decrypts a package file into a plain zip file, chunk by chunk. */
export async function decryptPackageFile(cipher: FieldCipher, row: { path: string; dataKeySealed: string | null }, zipPath: string): Promise<void> {
  if (!row.dataKeySealed) throw new Error('The package has no key (purged?).');
  await pipeline(createReadStream(row.path), decryptStream(openPackageKey(cipher, row.dataKeySealed)), createWriteStream(zipPath));
}

/** Calls `each` with every entry's name and content stream, one after the other. */
export async function eachZipEntry(zipPath: string, each: (name: string, content: Readable) => Promise<void>): Promise<string[]> {
  const zip = await openPromise(zipPath, { lazyEntries: true });
  const names: string[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      names.push(entry.fileName);
      await each(entry.fileName, await zip.openReadStreamPromise(entry));
    }
  } finally {
    zip.close();
  }
  return names;
}

/** Every entry as text, for small packages. */
export async function zipTexts(zipPath: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  await eachZipEntry(zipPath, async (name, content) => {
    const parts: Buffer[] = [];
    for await (const chunk of content) parts.push(chunk as Buffer);
    texts.set(name, Buffer.concat(parts).toString('utf8'));
  });
  return texts;
}

/** RFC 4180 CSV into rows of fields (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      field += c;
    }
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
