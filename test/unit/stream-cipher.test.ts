// The chunked cipher of access packages: a round trip over several chunks, and the three
// ways a stored file could be spoiled (an altered byte, a cut-off end, the wrong key) all fail.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { CHUNK_BYTES, decryptStream, encryptStream } from '../../crypto/stream-cipher';

async function through(stream: NodeJS.ReadWriteStream, input: Buffer): Promise<Buffer> {
  const parts: Buffer[] = [];
  // Fed in odd-sized pieces, as a file or socket would.
  const pieces = Array.from({ length: Math.ceil(input.length / 7_001) }, (_, i) => input.subarray(i * 7_001, (i + 1) * 7_001));
  for await (const chunk of Readable.from(pieces).pipe(stream)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

const key = randomBytes(32);
const plain = randomBytes(3 * CHUNK_BYTES + 123);

test('when a file of several chunks is encrypted and decrypted, then it comes back byte for byte and is not readable in between', async () => {
  const sealed = await through(encryptStream(key), plain);
  expect(sealed.includes(plain.subarray(0, 64))).toBe(false);
  expect((await through(decryptStream(key), sealed)).equals(plain)).toBe(true);
  expect((await through(decryptStream(key), await through(encryptStream(key), Buffer.alloc(0)))).length).toBe(0);
});

test('when a byte is altered, the end cut off, or the key is wrong, then decryption fails', async () => {
  const sealed = await through(encryptStream(key), plain);
  const altered = Buffer.from(sealed);
  const at = CHUNK_BYTES + 100;
  altered.writeUInt8(altered.readUInt8(at) ^ 1, at);
  await expect(through(decryptStream(key), altered)).rejects.toThrow(/unable to authenticate/);
  // Cut at a chunk boundary: every remaining chunk is intact, only the last-chunk flag is missing.
  const boundary = 15 + 2 * (4 + CHUNK_BYTES + 16);
  await expect(through(decryptStream(key), sealed.subarray(0, boundary))).rejects.toThrow(/unable to authenticate/);
  await expect(through(decryptStream(randomBytes(32)), sealed)).rejects.toThrow(/unable to authenticate/);
});
