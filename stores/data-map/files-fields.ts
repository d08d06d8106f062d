// The fields of a store of kind `files`: a folder per subject, named by a template with the
// hash of the subject's address (`"folder": "{emailHash}/"`), and per category the file-name
// patterns it holds (`"files": ["id-scan-*.png"]`, `*` any run of characters but `/`). The one
// category without `files` catches every other file in the folder, at any depth, so nothing
// there escapes a count, an export or an erasure. The files connector (stores/file-store.ts)
// reads nothing else: a new kind of upload is a line in the map.

export const FILES_KIND = 'files';
export const FILES_FIELDS = ['folder'];
export const EMAIL_HASH = '{emailHash}';
const PATTERN = /^[A-Za-z0-9_.*-]{1,100}$/;

export interface FilesLayout {
  /** e.g. "{emailHash}/": the subject's folder under the connection's root. */
  folder: string;
  /** Top-level file-name patterns per category, in the map's order. */
  patterns: Array<{ category: string; files: string[] }>;
  /** The category of every file no pattern names; absent: such files are not the store's. */
  catchAll?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A pattern as a regular expression over a top-level file name, case-insensitive. */
export function patternRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.\\^$+?()[\]{}|-]/g, '\\$&')).join('[^/]+')}$`, 'i');
}

/** Checks a files entry's layout; `report(at, message)` records a fault. Returns the layout of a
 *  sound entry; undefined for other kinds (which must not have the fields) or a faulty one. */
export function checkFilesFields(entry: Record<string, unknown>, store: string, report: (at: string[], message: string) => void): FilesLayout | undefined {
  const categories = isObject(entry.categories) ? entry.categories : {};
  if (entry.kind !== FILES_KIND) {
    if (entry.folder !== undefined) report(['folder'], `${store} has "folder", which only stores of kind "${FILES_KIND}" take`);
    for (const [c, rule] of Object.entries(categories)) if (isObject(rule) && rule.files !== undefined) report(['categories', c, 'files'], `${store} category "${c}" has "files", which only stores of kind "${FILES_KIND}" take`);
    return undefined;
  }
  let sound = true;
  const fault = (at: string[], message: string) => {
    sound = false;
    report(at, message);
  };
  const { folder } = entry;
  if (typeof folder !== 'string' || !folder.includes(EMAIL_HASH) || !folder.endsWith('/') || folder.split('/').some((part) => part === '..' || part === '.') || folder.startsWith('/')) {
    fault(['folder'], `${store} needs "folder": the subject's folder under its root, naming ${EMAIL_HASH} and ending in "/", e.g. "${EMAIL_HASH}/"`);
  }
  const patterns: FilesLayout['patterns'] = [];
  const catchAll: string[] = [];
  for (const [category, rule] of Object.entries(categories)) {
    if (!isObject(rule)) continue;
    if (rule.files === undefined) {
      catchAll.push(category);
      continue;
    }
    if (!Array.isArray(rule.files) || rule.files.length === 0 || !rule.files.every((p) => typeof p === 'string' && PATTERN.test(p))) {
      fault(['categories', category, 'files'], `${store} category "${category}" needs "files": file-name patterns of letters, digits, . _ - and *, e.g. ["id-scan-*.png"]`);
      continue;
    }
    patterns.push({ category, files: rule.files as string[] });
  }
  if (catchAll.length > 1) fault(['categories', catchAll[1] as string], `${store} has ${catchAll.length} categories without "files"; only one may catch the other files`);
  if (!sound) return undefined;
  return { folder: folder as string, patterns, ...(catchAll[0] !== undefined && { catchAll: catchAll[0] }) };
}
