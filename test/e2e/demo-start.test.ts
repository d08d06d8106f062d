// `npm start`, the demo, keeps all its state in the checkout's data folder: two clones (here,
// two data folders) each get their own embedded database and demo staff whose passwords in
// the folder's demo-staff.json sign in; a lost file means new passwords, not a locked door.
// The demo also stops within 10 s when its whole process group gets SIGTERM.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_STAFF_FILE } from '../../devtools/demo-staff';
import { freePort } from '../../drills/stack';
import { startEntry, type EntryProcess } from '../support/entry-process';

const tempDirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dsr-demo-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const readPasswords = (dir: string) => JSON.parse(readFileSync(path.join(dir, DEMO_STAFF_FILE), 'utf8')) as Record<string, string>;

/** The embedded database of the data folder, migrated, with the demo staff ensured, in a process of its own (test/support/demo-staff-probe.ts). */
async function demoStaffIn(dir: string): Promise<{ passwords: Record<string, string>; matches: boolean[]; dbDir: string }> {
  const probe = startEntry('test/support/demo-staff-probe.ts', {}, [dir]);
  const { code } = await probe.exited;
  if (code !== 0) throw new Error(`demo-staff probe failed (${code}):\n${probe.output()}`);
  return JSON.parse(probe.output().trim().split('\n').pop()!);
}

describe('demo state per checkout', () => {
  test('when two data folders are used one after the other, then each has its own database and working demo credentials', async () => {
    const [a, b] = [dataDir(), dataDir()];
    const first = await demoStaffIn(a);
    const second = await demoStaffIn(b);
    expect(first.dbDir.startsWith(a)).toBe(true);
    expect(second.dbDir.startsWith(b)).toBe(true);
    expect(Object.keys(second.passwords).sort()).toEqual(['demo-admin', 'demo-agent', 'demo-compliance']);
    expect({ first: first.matches, second: second.matches }).toEqual({ first: [true, true, true], second: [true, true, true] });
    expect(second.passwords['demo-admin']).not.toBe(first.passwords['demo-admin']);
  }, 120_000);

  test('when the accounts exist but the password file is gone, then new passwords are set and written', async () => {
    const dir = dataDir();
    const before = await demoStaffIn(dir);
    rmSync(path.join(dir, DEMO_STAFF_FILE));
    const after = await demoStaffIn(dir);
    expect(after.matches).toEqual([true, true, true]);
    expect(after.passwords['demo-agent']).not.toBe(before.passwords['demo-agent']);
    // Started again with the file in place, nothing changes.
    expect((await demoStaffIn(dir)).passwords).toEqual(after.passwords);
  }, 120_000);
});

/** Starts the demo on free ports in its own data folder. */
async function startDemo(dir: string): Promise<{ demo: EntryProcess; baseUrl: string }> {
  const [http, temporal, ui, smtp, inbox, dbPort, marketingPort, redis] = await Promise.all(Array.from({ length: 8 }, () => freePort()));
  const demo = startEntry('scripts/start.ts', {
    DEMO_DATA_DIR: dir,
    HTTP_PORT: String(http),
    TEMPORAL_PORT: String(temporal),
    TEMPORAL_UI_PORT: String(ui),
    SMTP_PORT: String(smtp),
    INBOX_PORT: String(inbox),
    EMBEDDED_DB_PORT: String(dbPort),
    EMBEDDED_MARKETING_DB_PORT: String(marketingPort),
    REDIS_PORT: String(redis),
  });
  await demo.waitFor(/DSR engine demo is running/, 180_000);
  return { demo, baseUrl: `http://127.0.0.1:${http}` };
}

describe('npm start', () => {
  test('when two clones start the demo one after the other, then each prints the demo banner, its credentials sign in, and SIGTERM to the group stops it within 10 s', async () => {
    for (const dir of [dataDir(), dataDir()]) {
      const { demo, baseUrl } = await startDemo(dir);
      try {
        expect(demo.output()).toContain('DEMO — not for production');
        const { 'demo-admin': password } = readPasswords(dir);
        const res = await fetch(`${baseUrl}/api/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo-admin', password }) });
        // The password is accepted; the demo admin then sets up the second factor, as any admin does.
        expect(res.status).toBe(202);
        const ms = await demo.signalGroup('SIGTERM');
        expect({ stoppedWithin10s: ms < 10_000, output: ms < 10_000 ? '' : demo.output() }).toEqual({ stoppedWithin10s: true, output: '' });
      } finally {
        demo.kill();
      }
    }
  }, 400_000);
});
