// Uploaded documents kept as files (FILE_STORE_DIR): one folder per subject, named by the
// SHA-256 of the normalised e-mail address, holding files such as `id-scan-front.png`
// (category 'id-document') and `voice-enrolment.wav` (category 'biometric'); every other file
// in the folder, at any depth, is category 'other', so nothing there escapes a count, an export
// or an erasure. Export lists files (name, size, SHA-256); erasure deletes the files of
// unprotected categories.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { DataCategory } from '../domain/fulfilment';
import type { DataStore, ExportedRecord, SubjectKeys } from './data-store';
import { eraseByCategory } from './erase-by-category';
import { subjectHash } from './subject-hash';

export const DEFAULT_FILE_STORE_DIR = '.data/files';

const CATEGORIES = ['id-document', 'biometric', 'other'] as const;
type Category = (typeof CATEGORIES)[number];

/** Which top-level file names belong to the known categories; any other file is 'other'. */
const PATTERNS: Record<Exclude<Category, 'other'>, RegExp> = {
  'id-document': /^id-scan-[\w.-]+\.(png|jpe?g|pdf)$/i,
  biometric: /^(voice|fingerprint)-[\w.-]+\.(wav|flac|mp3|png|bin)$/i,
};

/** The category of a file, by its path relative to the subject's folder. */
function categoryOf(relative: string): Category {
  if (relative.includes(path.sep)) return 'other';
  if (PATTERNS['id-document'].test(relative)) return 'id-document';
  if (PATTERNS.biometric.test(relative)) return 'biometric';
  return 'other';
}

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

  /** Files of one category in the subject's folder and below, as paths relative to it; none
   *  when there is no folder. Anything that is not a directory counts (links, sockets too). */
  async function filesOf(subject: SubjectKeys, c: Category): Promise<string[]> {
    const folder = subjectFolder(root, subject.email);
    const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [];
      throw err;
    });
    return entries
      .filter((e) => !e.isDirectory())
      .map((e) => path.relative(folder, path.join(e.parentPath, e.name)))
      .filter((relative) => categoryOf(relative) === c)
      .sort();
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
          const info = await stat(full).catch(() => null);
          // A socket or a dangling link has no content to hash: its name and kind are what it holds.
          yield { category: c, record: info?.isFile() ? { name: file, size: info.size, sha256: await sha256Of(full) } : { name: file, size: null, sha256: null } };
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
