// The readiness checks behind GET /health: can the server reach Temporal, the database and
// the SMTP relay right now? Each answers 'ok' or 'down' only; why a check failed goes to the
// log, never to the caller, as connection errors name hosts, ports and users.
import nodemailer from 'nodemailer';
import { holidayDataDir, stillMissing } from '../config/holiday-imports';
import { openRequestHolidayWarnings } from '../db/records';
import { type SmtpSettings, smtpTransportOptions } from '../mail/mailer';
import type { ServerDeps } from './deps';

/** Short enough that a load balancer's probe gets its answer before its own timeout. */
export const HEALTH_CHECK_TIMEOUT_MS = 2_000;

export type CheckState = 'ok' | 'down';
export interface HealthReport {
  status: CheckState;
  checks: { temporal: CheckState; database: CheckState; smtp?: CheckState };
  /** What needs attention without making the server unready, e.g. holidays: 'missing: CN 2028'. */
  warnings?: { holidays?: string };
}

/** Runs every check at once; the report is 'down' as soon as one of them is. */
export async function checkHealth(deps: ServerDeps, log: (check: string, err: unknown) => void): Promise<HealthReport> {
  const probes: Record<string, (() => Promise<unknown>) | undefined> = {
    temporal: () => deps.temporal.workflowService.getSystemInfo({}),
    database: () => deps.db.$queryRaw`SELECT 1`,
    // Absent where no relay is configured for the server (e.g. a deployment that only reads).
    smtp: deps.smtpCheck,
  };
  const entries = await Promise.all(
    Object.entries(probes)
      .filter((entry): entry is [string, () => Promise<unknown>] => entry[1] !== undefined)
      .map(async ([name, probe]) => [name, await settle(name, probe, log)] as const),
  );
  const checks = Object.fromEntries(entries) as HealthReport['checks'];
  const warnings = checks.database === 'ok' ? await holidayWarnings(deps).catch(() => undefined) : undefined;
  return { status: entries.every(([, state]) => state === 'ok') ? 'ok' : 'down', checks, ...(warnings ? { warnings } : {}) };
}

/** Open requests whose due date was counted without some year's holidays that are still not imported. */
async function holidayWarnings(deps: ServerDeps): Promise<HealthReport['warnings']> {
  const warnings = await openRequestHolidayWarnings(deps.db);
  const dir = deps.holidayDataDir ?? holidayDataDir();
  const missing = [...new Set(warnings.flatMap((w) => stillMissing(w, dir)))].sort();
  return missing.length > 0 ? { holidays: `missing: ${missing.join(', ')}` } : undefined;
}

/** 'ok' when the probe resolves within the timeout, 'down' otherwise. */
async function settle(name: string, probe: () => Promise<unknown>, log: (check: string, err: unknown) => void): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_CHECK_TIMEOUT_MS} ms`)), HEALTH_CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'ok';
  } catch (err) {
    log(name, err);
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/** An SMTP check over the mailer's settings: connects, greets and (where set) logs in, sending nothing. */
export function smtpCheckFor(settings: Omit<SmtpSettings, 'from'>): () => Promise<void> {
  const transport = nodemailer.createTransport({
    ...smtpTransportOptions(settings),
    connectionTimeout: HEALTH_CHECK_TIMEOUT_MS,
    greetingTimeout: HEALTH_CHECK_TIMEOUT_MS,
    socketTimeout: HEALTH_CHECK_TIMEOUT_MS,
  });
  return async () => void (await transport.verify());
}
