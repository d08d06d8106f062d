// A processor reached over its webhook is declared in the data map alone: its URL and secret
// variables and its callback timeout are checked at start-up, and it is connected only when
// both variables are set. The example processor lives in docs/examples, outside the demo map.
import { readFileSync } from 'node:fs';
import { buildStoreRegistry } from '../../app/activity-deps';
import { DEFAULT_DATA_MAP_FILE, validateDataMap } from '../../stores/data-map/validate';
import { processorSecrets, webhookConnections } from '../../stores/webhook/connections';
import { problemsOf } from '../support/data-map-problems';
import { EXAMPLE_STORES_MAP_FILE } from '../support/paths';

const shipped = readFileSync(DEFAULT_DATA_MAP_FILE, 'utf8');
const example = readFileSync(EXAMPLE_STORES_MAP_FILE, 'utf8');

function edited(from: string, to: string, text = example): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

const lineOf = (text: string, marker: string) => text.split('\n').findIndex((l) => l.includes(marker)) + 1;

describe('webhook stores in the data map', () => {
  const map = validateDataMap(example);

  test('when the example map is read, then the example processor is a webhook store with its secret variable and timeout', () => {
    const crm = map.stores.find((s) => s.name === 'crm-processor');
    expect(crm).toMatchObject({ kind: 'webhook', connection: 'CRM_PROCESSOR_URL', webhook: { secret: 'CRM_PROCESSOR_SECRET', timeoutSeconds: 120 } });
    expect(crm?.categories.map((c) => c.name)).toEqual(['contact', 'marketing-consent']);
  });

  test('when a webhook entry lacks its secret or has an impossible timeout, then each fault names its line', () => {
    let text = edited('"secret": "CRM_PROCESSOR_SECRET",\n', '');
    text = text.replace('"timeoutSeconds": 120', '"timeoutSeconds": 900');
    expect(problemsOf(text)).toEqual([
      `data-map.json line ${lineOf(text, '"crm-processor"')}: store "crm-processor" is a webhook store and needs "secret": the environment variable holding the secret shared with the processor, e.g. "CRM_PROCESSOR_SECRET"`,
      `data-map.json line ${lineOf(text, '"timeoutSeconds"')}: store "crm-processor" is a webhook store and needs "timeoutSeconds": how long to wait for its callbacks, a whole number from 1 to 240`,
    ]);
  });

  test('when another kind of store has a secret, then it is refused', () => {
    const text = edited('"connection": "MARKETING_DATABASE_URL",', '"connection": "MARKETING_DATABASE_URL", "secret": "MARKETING_SECRET",', shipped);
    expect(problemsOf(text)).toEqual([`data-map.json line ${lineOf(text, '"MARKETING_SECRET"')}: store "marketing-db" has "secret", which only stores of kind "webhook" take`]);
  });

  test('when neither variable is set, then the processor is not connected; when both are, it is, with its secret for callbacks', () => {
    expect(webhookConnections(map, {})).toEqual([]);
    const connections = webhookConnections(map, { CRM_PROCESSOR_URL: 'https://crm.example.com/dsr', CRM_PROCESSOR_SECRET: 's3cret' });
    expect(connections).toEqual([{ name: 'crm-processor', categories: ['contact', 'marketing-consent'], url: 'https://crm.example.com/dsr', secret: 's3cret', timeoutSeconds: 120 }]);
    expect(processorSecrets(connections).get('crm-processor')).toBe('s3cret');
  });

  test('when the processor is connected, then the registry runs it under its mapped name; without a public address for callbacks it is refused', () => {
    const webhooks = webhookConnections(map, { CRM_PROCESSOR_URL: 'https://crm.example.com/dsr', CRM_PROCESSOR_SECRET: 's3cret' });
    // Connectors open their connections on first use: building the registry reaches no database.
    const input = { db: {} as never, mailer: undefined as never, cipher: undefined as never, staffMailTo: 'x@example.test', dataMap: map, connections: { webhooks } };
    const { registry, unconnected } = buildStoreRegistry({ ...input, publicUrl: 'https://dsr.example.com' });
    expect(registry.get('crm-processor').categories).toEqual(['contact', 'marketing-consent']);
    expect(unconnected).not.toContain('crm-processor');
    expect(() => buildStoreRegistry(input)).toThrow('Processor stores are connected, but no PUBLIC_URL is set for their callbacks.');
  });

  test('when only one of the two variables is set, or the URL is not http(s), then the start is refused naming the variables', () => {
    expect(() => webhookConnections(map, { CRM_PROCESSOR_URL: 'https://crm.example.com/dsr' })).toThrow(
      'Data store "crm-processor": CRM_PROCESSOR_URL is set but CRM_PROCESSOR_SECRET is not; set both to connect the processor, or neither.',
    );
    expect(() => webhookConnections(map, { CRM_PROCESSOR_URL: 'ftp://crm.example.com', CRM_PROCESSOR_SECRET: 's3cret' })).toThrow('CRM_PROCESSOR_URL must be an https URL');
  });
});
