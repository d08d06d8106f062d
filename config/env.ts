// Reads the process environment once into a typed configuration. Defaults are the
// embedded development ones; production sets every value explicitly.
import { DEFAULT_ACCESS_PACKAGE_DIR } from './package-dir';
import { DEFAULT_FILE_STORE_DIR } from '../stores/file-store';

export interface AppConfig {
  databaseUrl: string;
  databasePoolMax?: number;
  temporal: { address: string; namespace: string; taskQueue: string };
  smtp: { host: string; port: number; secure: boolean; user?: string; pass?: string };
  mailFrom: string;
  staffMailTo: string;
  /** trustProxy: TRUST_PROXY, the comma-separated addresses or CIDRs of the reverse proxies whose X-Forwarded-For is believed (none by default). */
  http: { host: string; port: number; publicUrl: string; trustProxy: string[] };
  keys: { encryptionKeys: string; currentKeyId: string; identityPepper: string };
  /** The optional data stores: REDIS_URL, FILE_STORE_DIR (default .data/files), MARKETING_DATABASE_URL. */
  stores: { redisUrl?: string; fileStoreDir: string; marketingDatabaseUrl?: string; marketingDatabasePoolMax: number; manualStores: string[] };
  /** ACCESS_PACKAGE_DIR: where encrypted access packages are kept (default .data/access-packages). */
  accessPackageDir: string;
  /** Present only when CODEC_AUTH_TOKEN is set; then /codec decrypts payloads for the Web UI and CLI. */
  codec?: { authToken: string; allowedOrigins: string[] };
}

// The token unlocks every decrypted payload, so a guessable one is refused at start-up.
const MIN_CODEC_TOKEN_CHARS = 32;

function read(name: string, fallback?: string): string {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') throw new Error(`Environment variable ${name} is required.`);
  return value;
}

/** Builds the configuration from environment variables, failing on a missing required one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const get = (name: string, fallback?: string) => env[name] ?? read(name, fallback);
  const port = Number(get('HTTP_PORT', '3000'));
  return {
    databaseUrl: get('DATABASE_URL'),
    databasePoolMax: env.DATABASE_POOL_MAX ? Number(env.DATABASE_POOL_MAX) : undefined,
    temporal: {
      address: get('TEMPORAL_ADDRESS', '127.0.0.1:7233'),
      namespace: get('TEMPORAL_NAMESPACE', 'default'),
      taskQueue: get('TEMPORAL_TASK_QUEUE', 'dsr-requests'),
    },
    smtp: {
      host: get('SMTP_HOST', '127.0.0.1'),
      port: Number(get('SMTP_PORT', '1025')),
      secure: get('SMTP_SECURE', 'false') === 'true',
      user: env.SMTP_USER,
      pass: env.SMTP_PASS,
    },
    mailFrom: get('MAIL_FROM', 'Privacy Office <privacy@example.com>'),
    staffMailTo: get('STAFF_MAIL_TO', 'compliance@example.com'),
    http: {
      host: get('HTTP_HOST', '127.0.0.1'),
      port,
      publicUrl: get('PUBLIC_URL', `http://127.0.0.1:${port}`),
      trustProxy: (env.TRUST_PROXY ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    },
    keys: {
      encryptionKeys: get('DSR_ENCRYPTION_KEYS'),
      currentKeyId: get('DSR_ENCRYPTION_KEY_ID'),
      identityPepper: get('DSR_IDENTITY_PEPPER'),
    },
    stores: {
      redisUrl: env.REDIS_URL || undefined,
      fileStoreDir: env.FILE_STORE_DIR || DEFAULT_FILE_STORE_DIR,
      marketingDatabaseUrl: env.MARKETING_DATABASE_URL || undefined,
      // The embedded database of `npm start` serves one connection at a time.
      marketingDatabasePoolMax: Number(env.MARKETING_DATABASE_POOL_MAX || 4),
      // Comma-separated names of the data map's manual stores that requests include.
      manualStores: (env.MANUAL_STORES ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    },
    accessPackageDir: env.ACCESS_PACKAGE_DIR || DEFAULT_ACCESS_PACKAGE_DIR,
    codec: codecConfig(env),
  };
}

/** Reads CODEC_AUTH_TOKEN and CODEC_CORS_ORIGINS (comma-separated; default the local dev Web UI's origins). */
function codecConfig(env: NodeJS.ProcessEnv): AppConfig['codec'] {
  const authToken = env.CODEC_AUTH_TOKEN;
  if (!authToken) return undefined;
  if (authToken.length < MIN_CODEC_TOKEN_CHARS) throw new Error(`CODEC_AUTH_TOKEN must be at least ${MIN_CODEC_TOKEN_CHARS} characters.`);
  const uiPort = env.TEMPORAL_UI_PORT ?? '8233';
  const allowedOrigins = (env.CODEC_CORS_ORIGINS ?? `http://127.0.0.1:${uiPort},http://localhost:${uiPort}`)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    // Browsers send the bare origin; an entry with a path or a trailing slash would never match.
    if (URL.canParse(origin) && new URL(origin).origin === origin) continue;
    throw new Error(`CODEC_CORS_ORIGINS entry "${origin}" must be an origin such as https://temporal-ui.example.com.`);
  }
  return { authToken, allowedOrigins };
}

/** DELETION_CONFIRMATION_WINDOW, in hours (decimals allowed; 0 for none): how long an erasure confirmed
 *  by a mailed code waits, cancellable, before it starts. Unset: the activities' default of 24 hours. */
export function deletionConfirmationWindowMs(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.DELETION_CONFIRMATION_WINDOW;
  if (raw === undefined || raw.trim() === '') return undefined;
  const hours = Number(raw);
  if (!Number.isFinite(hours) || hours < 0) throw new Error(`DELETION_CONFIRMATION_WINDOW must be a number of hours (0 or more), not "${raw}".`);
  return Math.round(hours * 3_600_000);
}
