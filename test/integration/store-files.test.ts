// The file store against a real directory: one subject's documents among others'.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFileStore, subjectFolder } from '../../stores/file-store';
import { testDb } from '../support/database';
import { holdOn, POLICE_HOLD } from './fixtures';
import { holdsOf, newSubject, nothingProtected } from './store-fixtures';
import { exportedByCategory } from '../support/exported';

const db = testDb();
let root = '';
let files: ReturnType<typeof createFileStore>;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dsr-files-'));
  files = createFileStore(root);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await db.$disconnect();
});

const CONTENT: Record<string, string> = {
  'id-scan-front.png': 'front of the identity card',
  'id-scan-back.png': 'back of the identity card',
  'voice-enrolment.wav': 'RIFF voiceprint',
  'notes.txt': 'a file of no known category',
};

async function seedFiles(email: string, names = Object.keys(CONTENT)) {
  const folder = subjectFolder(root, email);
  await mkdir(folder, { recursive: true });
  for (const name of names) await writeFile(path.join(folder, name), CONTENT[name] ?? name);
}

/** Every file of an address with its content, to compare before and after. */
async function snapshot(email: string) {
  const folder = subjectFolder(root, email);
  const names = (await readdir(folder).catch(() => [])).sort();
  return Promise.all(names.map(async (n) => [n, await readFile(path.join(folder, n), 'utf8')]));
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('files store', () => {
  test('when one subject is located, exported and erased, then the other subjects are untouched', async () => {
    const [subject, other1, other2] = [await newSubject(db), await newSubject(db), await newSubject(db)];
    await seedFiles(subject.email);
    await seedFiles(other1.email);
    await seedFiles(other2.email, ['voice-enrolment.wav']);
    const othersBefore = [await snapshot(other1.email), await snapshot(other2.email)];

    expect(await files.locate(subject)).toEqual({ 'id-document': 2, biometric: 1, other: 1 });
    expect(await exportedByCategory(files, subject)).toEqual({
      'id-document': [
        { name: 'id-scan-back.png', size: CONTENT['id-scan-back.png']?.length, sha256: sha256(CONTENT['id-scan-back.png'] as string) },
        { name: 'id-scan-front.png', size: CONTENT['id-scan-front.png']?.length, sha256: sha256(CONTENT['id-scan-front.png'] as string) },
      ],
      biometric: [{ name: 'voice-enrolment.wav', size: CONTENT['voice-enrolment.wav']?.length, sha256: sha256(CONTENT['voice-enrolment.wav'] as string) }],
      other: [{ name: 'notes.txt', size: CONTENT['notes.txt']?.length, sha256: sha256(CONTENT['notes.txt'] as string) }],
    });
    expect(await files.rectify(subject, { fullName: 'Zhang Ming' })).toBe(0);

    expect(await files.erase(subject, nothingProtected)).toEqual({ erased: 4, retained: [] });
    // With nothing retained the subject's folder goes whole.
    await expect(readdir(subjectFolder(root, subject.email))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await files.locate(subject)).toEqual({ 'id-document': 0, biometric: 0, other: 0 });
    expect([await snapshot(other1.email), await snapshot(other2.email)]).toEqual(othersBefore);
    expect(await files.erase(subject, nothingProtected)).toEqual({ erased: 0, retained: [] });
    expect([await snapshot(other1.email), await snapshot(other2.email)]).toEqual(othersBefore);
  });

  test('when the biometric category is under a legal hold, then the voiceprint survives and the scans go', async () => {
    const subject = await newSubject(db);
    await seedFiles(subject.email);
    const hold = await holdOn(db, subject.subjectId, { store: 'files', category: 'biometric' });

    const result = await files.erase(subject, holdsOf(db, files, subject));
    expect(result).toEqual({ erased: 3, retained: [{ category: 'biometric', records: 1, reason: 'LEGAL_HOLD', reference: hold.id, basis: POLICE_HOLD.basis }] });
    expect((await snapshot(subject.email)).map(([name]) => name)).toEqual(['voice-enrolment.wav']);
    expect(await files.erase(subject, holdsOf(db, files, subject))).toEqual({ erased: 0, retained: result.retained });
  });

  test('when a subject has no folder at all, then nothing is found and erasure is harmless', async () => {
    const subject = await newSubject(db);
    expect(await files.locate(subject)).toEqual({ 'id-document': 0, biometric: 0, other: 0 });
    expect(await exportedByCategory(files, subject)).toEqual({ 'id-document': [], biometric: [], other: [] });
    expect(await files.erase(subject, nothingProtected)).toEqual({ erased: 0, retained: [] });
    expect(path.basename(subjectFolder(root, subject.email))).toMatch(/^[0-9a-f]{64}$/);
  });
});
