import type { Client } from '@temporalio/client';
import { profileAccess } from '../activities/profile-access';
import { activeProfile, type LoadedProfile } from '../config/controller-profile';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Keyring } from '../crypto/keyring';
import type { Db } from '../db/prisma';
import type { MapPurpose } from '../stores/data-map/purposes';
import { shippedDataMap, type DataMap } from '../stores/data-map/validate';
import type { DrpSettings } from './drp/settings';
import type { RateLimits } from './rate-limit';
import { findRequestFields } from '../db/records';

/** What the HTTP layer needs: the Temporal client, the database, and identity crypto. */
export interface ServerDeps {
  temporal: Client;
  taskQueue: string;
  db: Db;
  cipher: FieldCipher;
  identityPepper: string;
  clock: () => Date;
  /** The address the public reaches the server at; an https one marks the staff session cookie Secure. */
  publicUrl?: string;
  /** Set only where a codec token is configured: it enables /codec, which decrypts Temporal payloads for staff. */
  codec?: { keyring: Keyring; authToken: string; allowedOrigins: string[] };
  /** Checks the SMTP relay for GET /health (e.g. nodemailer's verify); without it, /health does not check mail. */
  smtpCheck?: () => Promise<void>;
  /** Replaces some of the default rate limits in server/rate-limit.ts (tests set small ones). */
  rateLimits?: Partial<RateLimits>;
  /** Prefixes the shared rate-limit and budget counters: processes with the same scope share one budget ('dsr' when unset; each test stack its own). */
  rateLimitScope?: string;
  /** Addresses or CIDRs of the reverse proxies in front (TRUST_PROXY): their X-Forwarded-For names the client the limits count. */
  trustProxy?: string[];
  /** Secrets shared with the connected processors, by store name: callbacks to POST /api/processors/:store/callbacks must be signed with them. */
  processorSecrets?: ReadonlyMap<string, string>;
  /** The data map and the stores this deployment connected: shown to staff, and used to check where a legal hold applies. */
  dataMap?: { map: DataMap; connected: ReadonlyArray<{ name: string; categories: readonly string[] }> };
  /** The controller's profile; the process's (CONTROLLER_PROFILE_FILE) when unset. */
  profile?: LoadedProfile;
  /** Where imported holiday arrangements are kept (HOLIDAY_DATA_DIR); config/holidays when unset. */
  holidayDataDir?: string;
  /** ACCOUNT_SYSTEM_SECRET: the secret the deployer's account system signs its events with (POST /api/account-system/sign-ins); unset, the endpoint answers 404. */
  accountSystemSecret?: string;
  /** Set when the Data Rights Protocol is configured (DRP_AGENT_DIRECTORY, DRP_BUSINESS_ID): its endpoints are served (server/drp/). */
  drp?: DrpSettings;
}

/** The profile the server works with. */
export function serverProfile(deps: Pick<ServerDeps, 'profile'>): LoadedProfile {
  return deps.profile ?? activeProfile();
}

/** The purposes a MANAGE request may name: the data map's, exactly (the shipped map's when the server runs without one). */
export function servedPurposes(deps: Pick<ServerDeps, 'dataMap'>): readonly MapPurpose[] {
  return (deps.dataMap?.map ?? shippedDataMap()).purposes;
}

/** The time zone of the establishment a request's deadlines are counted in (its profile's); UTC for an unknown id. */
export async function requestTimeZone(deps: ServerDeps, requestId: string): Promise<string> {
  const row = await findRequestFields(deps.db, requestId, { regime: true, profileDigest: true });
  if (!row) return 'UTC';
  return (await profileAccess(deps.db, serverProfile(deps), deps.holidayDataDir).establishmentOf(row)).timeZone;
}
