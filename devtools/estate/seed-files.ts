// The estate's uploaded documents: an identity-card scan for everyone, a voiceprint or a
// fingerprint template for some, and a cover letter (category 'other') for a few, in each subject's folder (see stores/file-store.ts). The
// contents are tiny stand-ins, the same on every run, so writing them again changes nothing.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { subjectFolder } from '../../stores/file-store';
import type { Person } from './people';

/** A valid 1x1 grey PNG: a stand-in scan that image viewers open. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==', 'base64');
/** A valid WAV header with no samples: a stand-in voiceprint enrolment. */
const WAV = Buffer.from('UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=', 'base64');
/** Opaque bytes standing in for a fingerprint template (a vendor's binary format). */
const TEMPLATE = Buffer.from('FMR\u000020\u0000synthetic-template', 'latin1');

/** The files each person gets, by name. */
function filesOf(p: Person): Array<[string, Buffer]> {
  const files: Array<[string, Buffer]> = [['id-scan-front.png', PNG]];
  if (p.index % 2 === 0) files.push(['id-scan-back.png', PNG]);
  if (p.index % 3 === 0) files.push(['voice-enrolment.wav', WAV]);
  else files.push(['fingerprint-right-index.bin', TEMPLATE]);
  // A file no pattern of the map names: the store's catch-all category ('other') holds it.
  if (p.index % 4 === 0) files.push(['cover-letter.txt', Buffer.from('Cover letter of the application (stand-in).\n', 'utf8')]);
  return files;
}

/** Writes the people's documents under `root`; returns how many files the seed holds. */
export async function seedFiles(root: string, people: Person[]): Promise<number> {
  let written = 0;
  for (const p of people) {
    const folder = subjectFolder(root, p.email);
    await mkdir(folder, { recursive: true });
    for (const [name, content] of filesOf(p)) {
      await writeFile(path.join(folder, name), content);
      written++;
    }
  }
  return written;
}
