// The fields only a store of kind `webhook` (a third-party processor reached over HTTP) has.
// Such a store needs no connector of its own in the code: what it holds and how it erases is
// what the processor has agreed to, and the map is where that agreement is declared. Its
// entry names the variables holding its URL (`connection`) and the shared secret (`secret`),
// and how long the engine waits for its callbacks (`timeoutSeconds`).

export const WEBHOOK_KIND = 'webhook';
export const WEBHOOK_FIELDS = ['secret', 'timeoutSeconds'];

/** The fulfilment activity may run 5 minutes; the wait for a callback must end well before. */
export const MAX_WEBHOOK_TIMEOUT_SECONDS = 240;

const ENV_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

export interface WebhookSettings {
  /** The environment variable holding the secret shared with the processor. */
  secret: string;
  timeoutSeconds: number;
}

/** Checks an entry's webhook fields; `report(field, message)` records a fault. Returns the
 *  settings of a valid webhook entry, undefined for other kinds (which must not have them). */
export function checkWebhookFields(entry: Record<string, unknown>, report: (field: string, message: string) => void): WebhookSettings | undefined {
  const { connection, secret, timeoutSeconds } = entry;
  if (entry.kind !== WEBHOOK_KIND) {
    for (const field of WEBHOOK_FIELDS) if (entry[field] !== undefined) report(field, `has "${field}", which only stores of kind "${WEBHOOK_KIND}" take`);
    return undefined;
  }
  let valid = true;
  const fault = (field: string, message: string) => {
    valid = false;
    report(field, message);
  };
  if (typeof connection !== 'string' || !ENV_NAME.test(connection)) fault('connection', 'is a webhook store and needs "connection": the environment variable holding its URL, e.g. "CRM_PROCESSOR_URL"');
  if (typeof secret !== 'string' || !ENV_NAME.test(secret)) fault('secret', 'is a webhook store and needs "secret": the environment variable holding the secret shared with the processor, e.g. "CRM_PROCESSOR_SECRET"');
  else if (secret === connection) fault('secret', 'must keep its secret in another variable than its URL');
  if (!Number.isInteger(timeoutSeconds) || (timeoutSeconds as number) < 1 || (timeoutSeconds as number) > MAX_WEBHOOK_TIMEOUT_SECONDS) {
    fault('timeoutSeconds', `is a webhook store and needs "timeoutSeconds": how long to wait for its callbacks, a whole number from 1 to ${MAX_WEBHOOK_TIMEOUT_SECONDS}`);
  }
  return valid ? { secret: secret as string, timeoutSeconds: timeoutSeconds as number } : undefined;
}
