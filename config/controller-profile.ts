// The controller's profile: who it is, how to reach it and its officer, the policy letters
// cite, the regimes it offers and where it acts under each (establishment, fee), its reply
// languages, retention and branding. Read once at start-up from CONTROLLER_PROFILE_FILE and
// validated against docs/controller-profile.schema.json plus the checks JSON Schema cannot
// express; a bad profile stops the start with every problem listed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { Language } from '../domain/request-kinds';
import { citeControllerPolicy, type EstablishmentSpec, getRegime, isKnownHolidayRegion, type Money, type RegimeKey, regionKey, type ResidenceRule } from '../policy';
import schema from '../docs/controller-profile.schema.json';
import { processorUrlProblem } from '../stores/webhook/url-policy';

export const DEFAULT_CONTROLLER_PROFILE_FILE = 'config/controller.example.json';

export type ProfileText = Record<Language, string>;

export interface RegimeOffer {
  establishment: EstablishmentSpec;
  fees: { cost: Money | null };
}

export interface ControllerProfile {
  controller: {
    legalName: ProfileText;
    contact: { hotline: string; address: ProfileText; web: string; email?: string };
    dpo: { title: ProfileText; email: string; phone?: string; address?: ProfileText };
  };
  privacyPolicy: { name: ProfileText; url: string };
  languages: { reply: Language[]; prevailing: Language };
  defaultRegime: RegimeKey;
  regimes: Partial<Record<RegimeKey, RegimeOffer>>;
  residences: Array<ResidenceRule & { label?: ProfileText }>;
  /** Retention periods in days; strangersDays and challengesDays default as policy/retention.ts says. */
  retention: { accessPackagesDays: number; auditDays: number; closedRequestsDays: number; strangersDays?: number; challengesDays?: number };
  branding: { name: ProfileText; logoUrl?: string; colour: string };
  /** Verification by signing in to the controller's account system over OpenID Connect (server/oidc/). */
  accountSignIn?: AccountSignIn;
  /** Account closure with a cooling-off period, where the regime's policy runs closure so. */
  accountClosure?: { coolingOffDays: number };
  /** Recipients a portability package may be sent to at the subject's word (config/portability-recipients.ts). */
  portabilityRecipients?: PortabilityRecipient[];
}

/** A recipient the controller has registered for portability transfers (docs/portability-recipients.md). */
export interface PortabilityRecipient {
  id: string;
  name: ProfileText;
  url: string;
  /** The environment variable holding the secret shared with the recipient. */
  secretEnv: string;
}

export type SignInClaim = 'email' | 'sub';

export interface AccountSignIn {
  issuer: string;
  clientId: string;
  /** The environment variable holding the client secret. */
  clientSecretEnv: string;
  /** What identifies the subject in the ID token: the verified e-mail, or the account id
   *  (`sub`) compared with the account id the request gave at intake. */
  claim: SignInClaim;
  label?: ProfileText;
}

/** A validated profile with its digest (SHA-256 of its canonical JSON), as requests record it. */
export interface LoadedProfile {
  profile: ControllerProfile;
  digest: string;
  /** Where it was read from, for the admin page; undefined for a profile built in code. */
  file?: string;
}

/** One problem: where in the file (a JSON pointer) and what is wrong. */
export interface ProfileProblem {
  path: string;
  message: string;
}

/** A profile that cannot be used; the message lists every problem, one a line. */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  constructor(
    readonly source: string,
    readonly problems: ProfileProblem[],
  ) {
    super(`The controller profile ${source} is not valid:\n${problems.map((p) => `  ${p.path || '/'}: ${p.message}`).join('\n')}`);
  }
}

const validateShape = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** JSON with object keys sorted at every level, so equal profiles have equal digests. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The digest a request records: SHA-256 (hex) of the profile's canonical JSON, without `$schema`. */
export function profileDigest(profile: ControllerProfile): string {
  return createHash('sha256').update(canonicalJson(profile)).digest('hex');
}

/** Checks a parsed profile; returns every problem found (empty when it is usable). `env` decides
 *  whether a recipient may be reached over plain http (loopback in development or tests only). */
export function profileProblems(value: unknown, env: NodeJS.ProcessEnv = process.env): ProfileProblem[] {
  if (!validateShape(value)) {
    return (validateShape.errors ?? []).map((e) => ({
      path: e.keyword === 'additionalProperties' ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}` : e.instancePath,
      message: e.keyword === 'additionalProperties' ? 'is not a known field' : (e.message ?? 'is not valid'),
    }));
  }
  return meaningProblems(value as unknown as ControllerProfile, env);
}

/** What the schema cannot say: real zones, calendars and currencies, and a consistent whole. */
function meaningProblems(p: ControllerProfile, env: NodeJS.ProcessEnv): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const offered = new Set(Object.keys(p.regimes));
  if (!offered.has(p.defaultRegime)) problems.push({ path: '/defaultRegime', message: `${p.defaultRegime} is not among the regimes offered` });
  if (!p.languages.reply.includes(p.languages.prevailing)) problems.push({ path: '/languages/prevailing', message: 'must be one of the reply languages' });
  for (const [key, offer] of Object.entries(p.regimes) as Array<[RegimeKey, RegimeOffer]>) {
    const at = `/regimes/${key}`;
    if (!isTimeZone(offer.establishment.timeZone)) problems.push({ path: `${at}/establishment/timeZone`, message: `'${offer.establishment.timeZone}' is not an IANA time zone` });
    if (!isKnownHolidayRegion(offer.establishment.holidays)) {
      problems.push({ path: `${at}/establishment/holidays`, message: `no holiday calendar for '${regionKey(offer.establishment.holidays)}'` });
    }
    const cost = offer.fees.cost;
    if (cost && !getRegime(key).fees.costFeeAllowed) problems.push({ path: `${at}/fees/cost`, message: `${key} allows no fee (${getRegime(key).fees.citation}): must be null` });
    if (cost && !isCurrency(cost.currency)) problems.push({ path: `${at}/fees/cost/currency`, message: `'${cost.currency}' is not an ISO 4217 currency` });
  }
  const seen = new Set<string>();
  p.residences.forEach((r, i) => {
    if (seen.has(r.code)) problems.push({ path: `/residences/${i}/code`, message: `${r.code} is listed twice` });
    seen.add(r.code);
    if (!offered.has(r.regime)) problems.push({ path: `/residences/${i}/regime`, message: `${r.regime} is not among the regimes offered` });
  });
  const recipients = new Set<string>();
  (p.portabilityRecipients ?? []).forEach((r, i) => {
    if (recipients.has(r.id)) problems.push({ path: `/portabilityRecipients/${i}/id`, message: `${r.id} is listed twice` });
    recipients.add(r.id);
    // The processors' rule: the package crosses no network in clear.
    const urlProblem = processorUrlProblem(r.url, env);
    if (urlProblem) problems.push({ path: `/portabilityRecipients/${i}/url`, message: urlProblem });
  });
  return problems;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isCurrency(code: string): boolean {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency').includes(code) : true;
}

/** Parses and validates a profile's text; throws ProfileError listing every problem. */
export function parseControllerProfile(text: string, source: string): LoadedProfile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ProfileError(source, [{ path: '', message: `is not JSON (${(err as Error).message})` }]);
  }
  const problems = profileProblems(value);
  if (problems.length > 0) throw new ProfileError(source, problems);
  // `$schema` only points editors at the schema: not part of the profile or its digest.
  const profile = { ...(value as ControllerProfile & { $schema?: string }) };
  delete profile.$schema;
  return { profile, digest: profileDigest(profile), file: source };
}

/** Reads the profile named by CONTROLLER_PROFILE_FILE (default the example); throws ProfileError. */
export function loadControllerProfile(env: NodeJS.ProcessEnv = process.env): LoadedProfile {
  const file = env.CONTROLLER_PROFILE_FILE || DEFAULT_CONTROLLER_PROFILE_FILE;
  const resolved = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(resolved, 'utf8');
  } catch (err) {
    throw new ProfileError(file, [{ path: '', message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
  return parseControllerProfile(text, file);
}

let processProfile: LoadedProfile | undefined;

/** The process's profile, loaded on first use (start-up calls it, so a bad one stops the start). */
export function activeProfile(): LoadedProfile {
  processProfile ??= loadControllerProfile();
  return processProfile;
}

/** What the controller offers under a regime; throws when the profile does not offer it. */
export function offerFor(profile: ControllerProfile, regime: string): RegimeOffer {
  const offer = profile.regimes[regime as RegimeKey];
  if (!offer) throw new Error(`The controller profile offers no regime '${regime}'.`);
  return offer;
}

/** The portal's residences: the profile's lines that carry a label, in the file's order. */
export function formResidences(profile: ControllerProfile): Array<{ code: string; label: ProfileText }> {
  return profile.residences.flatMap((r) => (r.label ? [{ code: r.code, label: r.label }] : []));
}

/** How letters name the controller's policy in a citation: the prevailing language's name, then the other's. */
export function policyCitationName(profile: ControllerProfile): string {
  const first = profile.languages.prevailing;
  const others = profile.languages.reply.filter((l) => l !== first).map((l) => profile.privacyPolicy.name[l]);
  return others.length > 0 ? `${profile.privacyPolicy.name[first]} (${others.join(', ')})` : profile.privacyPolicy.name[first];
}

/** A function that names the profile's policy in a regime's citations. */
export function citerFor(profile: ControllerProfile): (citation: string) => string {
  const name = policyCitationName(profile);
  return (citation) => citeControllerPolicy(citation, name);
}
