// The DRP settings: both or neither of the directory and the business id, a sane base path.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drpSettingsFromEnv } from '../../server/drp/settings';
import { newAgent, writeDirectory } from '../support/drp-agent';

const dir = mkdtempSync(join(tmpdir(), 'drp-settings-'));
const file = join(dir, 'agents.json');
writeDirectory(file, [newAgent('AGENT_A')]);
const quiet = () => undefined;

describe('DRP settings', () => {
  test('when nothing is set, then DRP is off', () => {
    expect(drpSettingsFromEnv({}, quiet)).toBeUndefined();
  });

  test('when the directory and the business id are set, then the agents are loaded under the default base path or the one given', () => {
    const settings = drpSettingsFromEnv({ DRP_AGENT_DIRECTORY: file, DRP_BUSINESS_ID: 'EXAMPLE_CB' }, quiet);
    expect(settings).toMatchObject({ basePath: '/drp', businessId: 'EXAMPLE_CB' });
    expect([...settings!.agents.keys()]).toEqual(['AGENT_A']);
    expect(drpSettingsFromEnv({ DRP_AGENT_DIRECTORY: file, DRP_BUSINESS_ID: 'EXAMPLE_CB', DRP_BASE_PATH: '/privacy/drp/' }, quiet)?.basePath).toBe('/privacy/drp');
  });

  test('when a setting is missing or malformed, then the start stops naming it', () => {
    expect(() => drpSettingsFromEnv({ DRP_AGENT_DIRECTORY: file }, quiet)).toThrow(/DRP_AGENT_DIRECTORY and DRP_BUSINESS_ID must be set together/);
    expect(() => drpSettingsFromEnv({ DRP_BUSINESS_ID: 'EXAMPLE_CB' }, quiet)).toThrow(/must be set together/);
    expect(() => drpSettingsFromEnv({ DRP_AGENT_DIRECTORY: file, DRP_BUSINESS_ID: 'X', DRP_BASE_PATH: 'drp?x=1' }, quiet)).toThrow(/DRP_BASE_PATH/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ not json');
    expect(() => drpSettingsFromEnv({ DRP_AGENT_DIRECTORY: broken, DRP_BUSINESS_ID: 'X' }, quiet)).toThrow(/DRP_AGENT_DIRECTORY: .* could not be read as JSON/);
  });
});
