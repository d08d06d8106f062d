// The controller profile as activities see it: the active one for new requests, and for an
// existing request the one recorded at its intake (by digest), so a changed profile never
// moves a running request's deadline behind its back.
import { activeProfile, type ControllerProfile, type LoadedProfile } from '../config/controller-profile';
import { establishmentFor, holidayDataDir } from '../config/holiday-imports';
import type { Db } from '../db/prisma';
import type { Prisma } from '../generated/prisma/client';
import type { Establishment } from '../policy';

// Profiles are immutable under their digest, so one read per process is enough.
const byDigest = new Map<string, ControllerProfile>();

/** Records a profile version (idempotent), so requests received under it can find it again. */
export async function recordProfileVersion(db: Db | Prisma.TransactionClient, loaded: LoadedProfile): Promise<void> {
  await db.controllerProfileVersion.createMany({
    data: [{ digest: loaded.digest, profile: loaded.profile as unknown as Prisma.InputJsonValue }],
    skipDuplicates: true,
  });
  byDigest.set(loaded.digest, loaded.profile);
}

export interface ProfileAccess {
  readonly active: LoadedProfile;
  /** The profile a request was received under (the active one for a request from before profiles). */
  profileOf(row: { profileDigest: string | null }): Promise<ControllerProfile>;
  /** The establishment whose day and holidays count for the request's regime. */
  establishmentOf(row: { profileDigest: string | null; regime: string }): Promise<Establishment>;
}

/** Profile look-ups over the database; `profile` and `holidayDir` default to the process's. */
export function profileAccess(db: Db, profile?: LoadedProfile, holidayDir?: string): ProfileAccess {
  const active = profile ?? activeProfile();
  const dir = holidayDir ?? holidayDataDir();
  async function profileOf(row: { profileDigest: string | null }): Promise<ControllerProfile> {
    const digest = row.profileDigest;
    if (!digest || digest === active.digest) return active.profile;
    let found = byDigest.get(digest);
    if (!found) {
      const version = await db.controllerProfileVersion.findUnique({ where: { digest } });
      if (!version) throw new Error(`Controller profile ${digest.slice(0, 12)}… recorded on the request is missing from ControllerProfileVersion.`);
      found = version.profile as unknown as ControllerProfile;
      byDigest.set(digest, found);
    }
    return found;
  }
  return {
    active,
    profileOf,
    establishmentOf: async (row) => establishmentFor(await profileOf(row), row.regime, dir),
  };
}
