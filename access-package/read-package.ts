// Reading a package back: the decrypted zip as a stream, for the download route and tests.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { decryptStream } from '../crypto/stream-cipher';

/** The zip inside an encrypted package file, or null when the file is gone. Opened before
 *  returning, so a missing file is known before any answer is sent. */
export async function openPackageStream(file: string, key: Buffer): Promise<Readable | null> {
  const handle = await open(file, 'r').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (!handle) return null;
  const decrypted = decryptStream(key);
  // A failure (an altered chunk) destroys the output, which cuts the download short.
  pipeline(createReadStream('', { fd: handle }), decrypted).catch(() => undefined);
  return decrypted;
}
