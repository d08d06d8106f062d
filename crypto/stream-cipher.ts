// Chunked AES-256-GCM for files too large to seal in one piece (the STREAM construction):
// the plaintext is cut into 64 KiB chunks, each sealed on its own with a nonce made of a
// random per-file prefix, the chunk's number and a last-chunk flag. So a file is encrypted
// and decrypted in constant memory, and a reordered, dropped or truncated chunk fails.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

const MAGIC = Buffer.from('DSRAEAD1');
const PREFIX_BYTES = 7;
const HEADER_BYTES = MAGIC.length + PREFIX_BYTES;
const TAG_BYTES = 16;
const LENGTH_BYTES = 4;
/** Plaintext bytes per sealed chunk. */
export const CHUNK_BYTES = 64 * 1024;

function nonce(prefix: Buffer, counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(counter, PREFIX_BYTES);
  n[11] = last ? 1 : 0;
  return n;
}

function seal(key: Buffer, prefix: Buffer, counter: number, last: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, counter, last));
  cipher.setAAD(MAGIC);
  const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

function open(key: Buffer, prefix: Buffer, counter: number, last: boolean, body: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, counter, last));
  decipher.setAAD(MAGIC);
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
}

/** Bytes gathered from a stream, taken off the front as whole pieces. */
class ByteQueue {
  private parts: Buffer[] = [];
  length = 0;
  push(b: Buffer): void {
    this.parts.push(b);
    this.length += b.length;
  }
  take(n: number): Buffer {
    const all = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    this.parts = n < all.length ? [all.subarray(n)] : [];
    this.length = all.length - n;
    return all.subarray(0, n);
  }
  peek(n: number): Buffer {
    if (this.parts.length > 1) this.parts = [Buffer.concat(this.parts)];
    return (this.parts[0] ?? Buffer.alloc(0)).subarray(0, n);
  }
}

/** A transform that encrypts what passes through it under a 32-byte key. */
export function encryptStream(key: Buffer): Transform {
  const prefix = randomBytes(PREFIX_BYTES);
  const pending = new ByteQueue();
  let counter = 0;
  let started = false;
  const header = (out: Transform) => {
    if (!started) out.push(Buffer.concat([MAGIC, prefix]));
    started = true;
  };
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      header(this);
      pending.push(chunk);
      // A full chunk is sealed only once more data follows it: the last one carries the flag.
      while (pending.length > CHUNK_BYTES) this.push(seal(key, prefix, counter++, false, pending.take(CHUNK_BYTES)));
      done();
    },
    flush(done: TransformCallback) {
      header(this);
      this.push(seal(key, prefix, counter++, true, pending.take(pending.length)));
      done();
    },
  });
}

/** The reverse of encryptStream; fails on a wrong key, an altered byte or a cut-off end. */
export function decryptStream(key: Buffer): Transform {
  const pending = new ByteQueue();
  let prefix: Buffer | undefined;
  let counter = 0;
  // The newest whole chunk is held back until it is known whether another follows it.
  let held: Buffer | undefined;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      pending.push(chunk);
      try {
        if (!prefix) {
          if (pending.length < HEADER_BYTES) return done();
          const header = pending.take(HEADER_BYTES);
          if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('Not an encrypted package file.');
          prefix = Buffer.from(header.subarray(MAGIC.length));
        }
        while (pending.length >= LENGTH_BYTES) {
          const size = pending.peek(LENGTH_BYTES).readUInt32BE(0);
          if (size < TAG_BYTES || size > CHUNK_BYTES + TAG_BYTES) throw new Error('Encrypted package file is corrupt.');
          if (pending.length < LENGTH_BYTES + size) break;
          pending.take(LENGTH_BYTES);
          const body = Buffer.from(pending.take(size));
          if (held) this.push(open(key, prefix, counter++, false, held));
          held = body;
        }
        done();
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (!prefix || !held || pending.length > 0) throw new Error('Encrypted package file is truncated.');
        this.push(open(key, prefix, counter++, true, held));
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
}
