// The files connector: uploaded documents kept as files under a root folder (the store's
// connection, e.g. FILE_STORE_DIR), one folder per subject named by the map's `folder`
// template with the SHA-256 of the normalised e-mail address, and each file's category read
// from the map's file-name patterns (stores/data-map/files-fields.ts); the category without
// patterns holds every other file in the folder, at any depth. Export lists files (name, size,
// SHA-256); erasure deletes the files of unprotected categories. Nothing here is coded per store:
// the demo's `files` entry in config/data-map.json is the whole description.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { DataCategory } from '../domain/fulfilment';
import { EMAIL_HASH, FILES_KIND, patternRegExp, type FilesLayout } from './data-map/files-fields';
import { loadDataMap, type DataMap } from './data-map/validate';
import type { DataStore, ExportedRecord, SubjectKeys } from './data-store';
import { eraseByCategory } from './erase-by-category';
import { subjectHash } from './subject-hash';

export const DEFAULT_FILE_STORE_DIR = '.data/files';
/** The demo's files store in the shipped map. */
export const FILES_STORE = 'files';

/** The subject's folder under the root; the hash is hex and the template is checked with the
 *  map (no "..", relative), so it cannot escape the root. */
export const subjectFolder = (root: string, email: string, folder = `${EMAIL_HASH}/`) => path.join(root, folder.replaceAll(EMAIL_HASH, subjectHash(email)).replace(/\/+$/, ''));

/** A files store's entry in the map: name and layout (the shipped map's `files` by default). */
export function filesEntry(map: DataMap = loadDataMap(), name = FILES_STORE): { name: string; layout: FilesLayout } {
  const entry = map.stores.find((s) => s.name === name && s.kind === FILES_KIND);
  if (!entry?.files) throw new Error(`The data map has no store "${name}" of kind ${FILES_KIND} with a folder.`);
  return { name, layout: entry.files };
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The files store over a directory, laid out as its map entry says. */
export function createFileStore(root: string, { name, layout } = filesEntry()): DataStore {
  const categories = [...layout.patterns.map((p) => p.category), ...(layout.catchAll ? [layout.catchAll] : [])];
  const patterns = layout.patterns.map((p) => ({ category: p.category, tests: p.files.map(patternRegExp) }));
  /** The category of a file by its path relative to the subject's folder; null: not the store's. */
  const categoryOf = (relative: string): string | null => {
    if (!relative.includes(path.sep)) for (const p of patterns) if (p.tests.some((t) => t.test(relative))) return p.category;
    return layout.catchAll ?? null;
  };
  const folderOf = (email: string) => subjectFolder(root, email, layout.folder);
  const known = (c: DataCategory): string => {
    if (!categories.includes(c)) throw new Error(`Store ${name} has no category "${c}".`);
    return c;
  };

  /** Files of one category in the subject's folder and below, as paths relative to it; none
   *  when there is no folder. Anything that is not a directory counts (links, sockets too). */
  async function filesOf(subject: SubjectKeys, c: string): Promise<string[]> {
    const folder = folderOf(subject.email);
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
    categories,
    correctable: [],

    async locate(subject) {
      const counts = await Promise.all(categories.map(async (c) => (await filesOf(subject, c)).length));
      return Object.fromEntries(categories.map((c, i) => [c, counts[i] ?? 0]));
    },

    // One file at a time: only its name, size and hash are exported, never its content.
    async *exportStream(subject): AsyncGenerator<ExportedRecord> {
      const folder = folderOf(subject.email);
      for (const c of categories) {
        for (const file of await filesOf(subject, c)) {
          const full = path.join(folder, file);
          const info = await stat(full).catch(() => null);
          // A socket or a dangling link has no content to hash: its name and kind are what it holds.
          yield { category: c, record: info?.isFile() ? { name: file, size: info.size, sha256: await sha256Of(full) } : { name: file, size: null, sha256: null } };
        }
      }
    },

    async erase(subject, protectedNow) {
      const folder = folderOf(subject.email);
      return eraseByCategory(
        {
          categories,
          count: async (c) => (await filesOf(subject, known(c))).length,
          clear: async (c) => {
            const files = await filesOf(subject, known(c));
            // `force` semantics by hand: a file removed meanwhile (a concurrent run) is not a failure.
            await Promise.all(files.map((f) => unlink(path.join(folder, f)).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? undefined : Promise.reject(err)))));
            return files.length;
          },
          // With a catch-all category every file in the folder was the store's and is gone; without
          // one, files no pattern names are someone else's business and the folder stays.
          removeRows: async () => {
            if (layout.catchAll) await rm(folder, { recursive: true, force: true });
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
