// Uploaded documents kept as files (FILE_STORE_DIR): one folder per subject, named by the
// SHA-256 of the normalised e-mail address, holding files such as `id-scan-front.png`
// (category 'id-document') and `voice-enrolment.wav` (category 'biometric'). Export lists
// files (name, size, SHA-256); erasure deletes the files of unprotected categories.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { DataCategory } from '../domain/fulfilment';
import type { DataStore, ExportedRecord, SubjectKeys } from './data-store';
import { eraseByCategory } from './erase-by-category';
import { subjectHash } from './subject-hash';

export const DEFAULT_FILE_STORE_DIR = '.data/files';

const CATEGORIES = ['id-document', 'biometric'] as const;
type Category = (typeof CATEGORIES)[number];

/** Which file names belong to which category; names outside every pattern are left alone
 *  by category erasure and go only with the subject's folder. */
const PATTERNS: Record<Category, RegExp> = {
  'id-document': /^id-scan-[\w.-]+\.(png|jpe?g|pdf)$/i,
  biometric: /^(voice|fingerprint)-[\w.-]+\.(wav|flac|mp3|png|bin)$/i,
};

function isCategory(category: DataCategory): category is Category {
  return (CATEGORIES as readonly string[]).includes(category);
}

/** The subject's folder under the root; the name is a hex hash, so it cannot escape the root. */
export const subjectFolder = (root: string, email: string) => path.join(root, subjectHash(email));

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The files store over a directory. */
export function createFileStore(root: string): DataStore {
  const name = 'files';
  const known = (c: DataCategory): Category => {
    if (!isCategory(c)) throw new Error(`Store ${name} has no category "${c}".`);
    return c;
  };

  /** Regular files of one category in the subject's folder, by name; none when there is no folder. */
  async function filesOf(subject: SubjectKeys, c: Category): Promise<string[]> {
    const entries = await readdir(subjectFolder(root, subject.email), { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [];
      throw err;
    });
    return entries.filter((e) => e.isFile() && PATTERNS[c].test(e.name)).map((e) => e.name).sort();
  }

  return {
    name,
    categories: CATEGORIES,
    correctable: [],

    async locate(subject) {
      const counts = await Promise.all(CATEGORIES.map(async (c) => (await filesOf(subject, c)).length));
      return Object.fromEntries(CATEGORIES.map((c, i) => [c, counts[i] ?? 0]));
    },

    // One file at a time: only its name, size and hash are exported, never its content.
    async *exportStream(subject): AsyncGenerator<ExportedRecord> {
      const folder = subjectFolder(root, subject.email);
      for (const c of CATEGORIES) {
        for (const file of await filesOf(subject, c)) {
          const full = path.join(folder, file);
          yield { category: c, record: { name: file, size: (await stat(full)).size, sha256: await sha256Of(full) } };
        }
      }
    },

    async erase(subject, protectedNow) {
      const folder = subjectFolder(root, subject.email);
      return eraseByCategory(
        {
          categories: CATEGORIES,
          count: async (c) => (await filesOf(subject, known(c))).length,
          clear: async (c) => {
            const files = await filesOf(subject, known(c));
            // `force` semantics by hand: a file removed meanwhile (a concurrent run) is not a failure.
            await Promise.all(files.map((f) => unlink(path.join(folder, f)).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? undefined : Promise.reject(err)))));
            return files.length;
          },
          removeRows: async () => {
            await rm(folder, { recursive: true, force: true });
            return 0;
          },
        },
        protectedNow,
      );
    },

    // Scans and recordings are evidence as captured: a correction replaces them by a new
    // upload, which is not something a text correction can do.
    async rectify() {
      return 0;
    },
  };
}
