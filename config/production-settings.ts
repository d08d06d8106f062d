// What a production entry (`npm run serve`, `npm run worker`) needs from its environment,
// as a list of small checks. All run before anything starts, and the refusal names every
// setting at fault at once, so that a deployment is fixed in one pass, not one per restart.
// A new setting is one more entry in PRODUCTION_CHECKS.
import { parseKeyring } from '../crypto/keyring';
import type { DataMap, MappedStore } from '../stores/data-map/validate';
import { loadControllerProfile } from './controller-profile';
import { loadConfig } from './env';
import { temporalConnectionSettings, temporalTelemetryOptions } from './temporal';

type Env = NodeJS.ProcessEnv;

/** One check: the problems it finds (each naming its variable), none when all is well. */
export interface SettingCheck {
  name: string;
  problems(env: Env, map: DataMap): string[];
}

// The pepper keys the identity hashes and status links: a short one can be guessed offline.
export const MIN_PEPPER_CHARS = 32;

const missing = (name: string, what: string) => `${name} is not set: ${what}.`;
const isHttpUrl = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
const errorText = (fn: () => unknown): string[] => {
  try {
    fn();
    return [];
  } catch (err) {
    return [(err as Error).message];
  }
};

/** A variable that must be set, and `valid` when given. */
function required(name: string, what: string, valid?: (value: string) => string | undefined): SettingCheck {
  return {
    name,
    problems(env) {
      const value = env[name];
      if (!value) return [missing(name, what)];
      const problem = valid?.(value);
      return problem ? [`${name} ${problem}.`] : [];
    },
  };
}

export const databaseUrlCheck = required('DATABASE_URL', "the engine's PostgreSQL database, e.g. postgresql://dsr:…@db.internal:5432/dsr?sslmode=require", (v) =>
  /^postgres(ql)?:\/\//.test(v) && URL.canParse(v) ? undefined : 'must be a postgresql:// URL',
);

export const publicUrlCheck = required('PUBLIC_URL', 'the address subjects and staff reach the engine at, e.g. https://privacy.example.com (links in mails use it)', (v) =>
  isHttpUrl(v) ? undefined : `must be an absolute http(s) URL such as https://privacy.example.com, not "${v}"`,
);

const temporalAddressCheck = required('TEMPORAL_ADDRESS', 'your Temporal cluster, e.g. temporal.internal:7233 or <namespace>.tmprl.cloud:7233', (v) =>
  /^[^\s:/]+:\d{1,5}$/.test(v) ? undefined : `must be host:port, not "${v}"`,
);

const keyringCheck: SettingCheck = {
  name: 'DSR_ENCRYPTION_KEYS',
  problems(env) {
    const keys = env.DSR_ENCRYPTION_KEYS;
    const id = env.DSR_ENCRYPTION_KEY_ID;
    const found = [
      ...(keys ? [] : [missing('DSR_ENCRYPTION_KEYS', 'the keyring, "<key id>:<base64 of 32 bytes>" (openssl rand -base64 32), comma-separated')]),
      ...(id ? [] : [missing('DSR_ENCRYPTION_KEY_ID', 'the id of the current key in DSR_ENCRYPTION_KEYS')]),
    ];
    return found.length > 0 ? found : errorText(() => parseKeyring(keys as string, id as string));
  },
};

const pepperCheck = required('DSR_IDENTITY_PEPPER', `the secret of the identity hashes and status links, at least ${MIN_PEPPER_CHARS} characters (openssl rand -hex 32)`, (v) =>
  v.length >= MIN_PEPPER_CHARS ? undefined : `must be at least ${MIN_PEPPER_CHARS} characters (it has ${v.length})`,
);

const smtpPortCheck = required('SMTP_PORT', 'the SMTP relay port, e.g. 587 (STARTTLS) or 465 with SMTP_SECURE=true', (v) =>
  /^\d+$/.test(v) && Number(v) > 0 && Number(v) < 65536 ? undefined : `must be a port number, not "${v}"`,
);

/** Optional settings that, when given, must be well formed: read by the same code the engine runs. */
const optionalFormats: SettingCheck = {
  name: 'optional settings',
  problems: (env) => [
    ...errorText(() => temporalConnectionSettings('unused:7233', env)),
    ...errorText(() => temporalTelemetryOptions(env)),
    // CODEC_AUTH_TOKEN (length) and CODEC_CORS_ORIGINS; the rest of loadConfig has defaults.
    ...errorText(() => loadConfig({ ...env, DATABASE_URL: 'x', DSR_ENCRYPTION_KEYS: 'x', DSR_ENCRYPTION_KEY_ID: 'x', DSR_IDENTITY_PEPPER: 'x' })),
  ],
};

/** What connects one store of the data map, by its kind. */
function storeProblems(store: MappedStore, env: Env): string[] {
  const variable = store.connection;
  const where = `data store "${store.name}" (config/data-map.json)`;
  if (!variable || variable === 'DATABASE_URL') return [];
  if (store.kind === 'manual') {
    const listed = (env.MANUAL_STORES ?? '').split(',').map((s) => s.trim());
    return listed.includes(store.name) ? [] : [`MANUAL_STORES does not name "${store.name}": the ${where} is worked by hand and must be listed, or removed from the map.`];
  }
  const found = env[variable] ? [] : [missing(variable, `the connection of ${where}; set it, or remove the store from the map`)];
  if (store.webhook) {
    if (env[variable] && !isHttpUrl(env[variable] as string)) found.push(`${variable} must be an http(s) URL (${where}).`);
    if (!env[store.webhook.secret]) found.push(missing(store.webhook.secret, `the secret shared with the processor of ${where}`));
  }
  return found;
}

const dataMapStores: SettingCheck = { name: 'data map stores', problems: (env, map) => map.stores.flatMap((store) => storeProblems(store, env)) };

/** Every check a production entry runs. */
// Production names its own profile: the example is the demo controller's, and letters would
// cite its policy and fees in the deployer's name.
const controllerProfileCheck: SettingCheck = {
  name: 'CONTROLLER_PROFILE_FILE',
  problems(env) {
    if (!env.CONTROLLER_PROFILE_FILE) return [missing('CONTROLLER_PROFILE_FILE', "your organisation's controller profile (docs/controller-profile.schema.json; config/controller.example.json is the demo's)")];
    return errorText(() => loadControllerProfile(env));
  },
};

export const PRODUCTION_CHECKS: readonly SettingCheck[] = [
  controllerProfileCheck,
  databaseUrlCheck,
  temporalAddressCheck,
  keyringCheck,
  pepperCheck,
  publicUrlCheck,
  required('SMTP_HOST', 'your SMTP relay, e.g. smtp.example.com'),
  smtpPortCheck,
  required('MAIL_FROM', 'the sender subjects see and reply to, e.g. "Privacy Office <privacy@example.com>"'),
  dataMapStores,
  optionalFormats,
];

export class SettingsError extends Error {}

/** Every problem the checks find, in their order. */
export function settingProblems(checks: readonly SettingCheck[], env: Env, map: DataMap = { stores: [], purposes: [] }): string[] {
  return checks.flatMap((check) => check.problems(env, map));
}

/** Throws one SettingsError listing every problem, or returns when there is none. */
export function checkSettings(checks: readonly SettingCheck[], env: Env, map?: DataMap): void {
  const problems = settingProblems(checks, env, map);
  if (problems.length === 0) return;
  throw new SettingsError(['Refusing to start: the configuration is incomplete (see docs/production.md).', ...problems.map((p) => `  - ${p}`)].join('\n'));
}
