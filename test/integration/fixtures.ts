// Rows the integration tests build directly with Prisma: subjects, requests, business data
// and holds. Every address is unique, so tests share the database with others safely.
import { randomUUID } from 'node:crypto';
import type { FieldCipher } from '../../crypto/field-cipher';
import { hashIdentity } from '../../crypto/identity-hash';
import type { Db } from '../../db/prisma';
import type { RequestType } from '../../domain/request-kinds';
import { placeHold, type HoldPlacement } from '../../legal/holds';

export const newEmail = () => `subject-${randomUUID()}@example.org`;

/** A DataSubject row for an address; the pepper only needs to be unique per test run. */
export async function createSubject(db: Db, cipher: FieldCipher, email: string): Promise<string> {
  const subject = await db.dataSubject.create({ data: { emailHash: hashIdentity(randomUUID(), email), emailEncrypted: cipher.encrypt(email, 'DataSubject.emailEncrypted') } });
  return subject.id;
}

/** A request already in fulfilment, as the workflow leaves it before the stores run. */
export async function createRequest(db: Db, subjectId: string, type: RequestType): Promise<string> {
  const id = randomUUID();
  await db.dsrRequest.create({
    data: { id, subjectId, type, regime: 'CN_PIPL', channel: 'PORTAL', status: 'IN_FULFILMENT', workflowId: `dsr-${id}`, receivedAt: new Date() },
  });
  return id;
}

/** One account registration with every category filled. */
export async function seedAccount(db: Db, email: string) {
  return db.customerAccount.create({ data: { email, fullName: 'Zhang Min', phone: '+86 138 0000 1111', companyName: 'Shenzhen Example Co.', plan: 'enterprise' } });
}

/** `count` log rows with network and device data. */
export async function seedLogs(db: Db, email: string, count: number) {
  for (let i = 0; i < count; i++) {
    await db.serviceLog.create({
      data: { email, ipAddress: `10.0.0.${i + 1}`, location: 'Shenzhen', deviceId: `dev-${randomUUID()}`, hardwareModel: 'PA-9', osVersion: '14.2', at: new Date(Date.UTC(2026, 0, i + 1)) },
    });
  }
  return db.serviceLog.findMany({ where: { email }, orderBy: { at: 'asc' } });
}

export const POLICE_HOLD = {
  authority: 'Shenzhen Public Security Bureau',
  reason: 'Evidence preservation order',
  basis: 'Cybersecurity Law art. 28; PSB preservation order',
  createdBy: 'staff:compliance-7',
};

/** Places a hold that starts now, with the police authority unless overridden. */
export function holdOn(db: Db, subjectId: string, scope: Partial<HoldPlacement> = {}) {
  return placeHold(db, { subjectId, ...POLICE_HOLD, ...scope }, new Date());
}
