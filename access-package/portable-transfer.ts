// What a registered recipient is sent (docs/portability-recipients.md): the portability
// package's manifest, schema and data files, read back from the very package the subject
// downloads, so the two can never differ; and its digest, which the recipient's receipt must
// repeat. The digest is SHA-256 over the package's canonical JSON (keys sorted at every level,
// no spaces), so a recipient can recompute it from what it parsed whatever its JSON library.
import { createHash } from 'node:crypto';
import { fromBufferPromise } from 'yauzl';
import { canonicalJson } from '../config/controller-profile';
import type { FieldCipher } from '../crypto/field-cipher';
import { openPackageKey } from './package-key';
import { openPackageStream } from './read-package';

export interface PortablePackage {
  manifest: { files: Array<{ path: string }> } & Record<string, unknown>;
  schema: Record<string, unknown>;
  /** Per data file's path in the manifest, its records. */
  data: Record<string, unknown[]>;
}

/** "sha256:<hex>" of the package's canonical JSON. */
export function packageDigest(pkg: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(pkg)).digest('hex')}`;
}

/** Reads manifest.json, schema.json and every data file the manifest lists out of the encrypted package. */
export async function readPortablePackage(cipher: FieldCipher, row: { path: string; dataKeySealed: string | null }): Promise<PortablePackage> {
  if (!row.dataKeySealed) throw new Error('The portability package has no key: it was purged.');
  const stream = await openPackageStream(row.path, openPackageKey(cipher, row.dataKeySealed));
  if (!stream) throw new Error('The portability package file is gone.');
  // A portability package holds only what the subject provided: small enough to send in one body.
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const zip = await fromBufferPromise(Buffer.concat(chunks), { lazyEntries: true });
  const texts = new Map<string, string>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (!entry.fileName.endsWith('.json')) continue;
      const parts: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
      texts.set(entry.fileName, Buffer.concat(parts).toString('utf8'));
    }
  } finally {
    zip.close();
  }
  const json = (name: string) => {
    const text = texts.get(name);
    if (text === undefined) throw new Error(`The portability package has no ${name}.`);
    return JSON.parse(text) as unknown;
  };
  const manifest = json('manifest.json') as PortablePackage['manifest'];
  const data = Object.fromEntries(manifest.files.map((f) => [f.path, json(f.path) as unknown[]]));
  return { manifest, schema: json('schema.json') as Record<string, unknown>, data };
}
