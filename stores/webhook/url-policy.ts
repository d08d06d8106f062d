// Where the engine may send a subject's address: a processor's URL must be https, so the
// address and the signed body never cross a network in clear. Plain http is allowed only to
// a loopback host while the engine runs in development or tests (a simulator on the machine).

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const NON_PRODUCTION = new Set(['development', 'test']);

/** True when neither NODE_ENV nor DSR_ENV names another environment than development or test. */
export function plainHttpAllowed(env: NodeJS.ProcessEnv): boolean {
  const modes = [env.NODE_ENV, env.DSR_ENV].filter((m): m is string => Boolean(m));
  return modes.length > 0 && modes.every((m) => NON_PRODUCTION.has(m));
}

/** What is wrong with a processor URL, or null when the engine may call it. */
export function processorUrlProblem(url: string, env: NodeJS.ProcessEnv): string | null {
  if (!URL.canParse(url)) return 'must be an https URL';
  const parsed = new URL(url);
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol !== 'http:') return 'must be an https URL';
  if (!LOOPBACK_HOSTS.has(parsed.hostname)) return 'must be an https URL (plain http only to a loopback host in development or tests)';
  if (!plainHttpAllowed(env)) return 'must be an https URL outside development and tests (NODE_ENV / DSR_ENV)';
  return null;
}
