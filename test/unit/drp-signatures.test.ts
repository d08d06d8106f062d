// DRP 1.0 §3.07 and §3.05.1 on their own: combined-mode verification in the spec's order, and
// the agent directory read defensively.
import { parseAgentDirectory } from '../../drp/directory';
import { ed25519PublicKey, verifySignedMessage } from '../../drp/signed-message';
import { envelope, newAgent, signed } from '../support/drp-agent';

const NOW = new Date('2026-12-05T04:00:00Z');
const BUSINESS = 'EXAMPLE_CB';
const agent = newAgent('AGENT_A');
const other = newAgent('AGENT_B');
const keyOf = (a: typeof agent) => ed25519PublicKey(Buffer.from(a.verifyKey, 'base64'));
const check = (body: string, key = keyOf(agent), agentId = agent.id) => verifySignedMessage(body, { key, agentId, businessId: BUSINESS, now: NOW });

describe('a signed DRP message', () => {
  test('when it is signed by the agent and its claims hold, then its claims are returned', () => {
    const result = check(signed(agent, { ...envelope(agent.id, BUSINESS, NOW), exercise: 'access' }));
    expect(result).toEqual({ ok: true, claims: expect.objectContaining({ exercise: 'access', 'agent-id': agent.id }) });
  });

  test.each<[string, string, () => string]>([
    ['not base64', 'NOT_BASE64', () => '%%%not base64%%%'],
    ['signed by another key', 'BAD_SIGNATURE', () => signed(other, envelope(agent.id, BUSINESS, NOW))],
    ['altered after signing', 'BAD_SIGNATURE', () => {
      const raw = Buffer.from(signed(agent, envelope(agent.id, BUSINESS, NOW)), 'base64');
      raw.writeUInt8(raw.readUInt8(raw.length - 2) ^ 1, raw.length - 2);
      return raw.toString('base64');
    }],
    ['only a signature', 'BAD_SIGNATURE', () => Buffer.alloc(64).toString('base64')],
    ['not JSON', 'NOT_JSON', () => signed(agent, 'not json')],
    ['for another agent', 'WRONG_AGENT', () => signed(agent, envelope(other.id, BUSINESS, NOW))],
    ['for another business', 'WRONG_BUSINESS', () => signed(agent, envelope(agent.id, 'OTHER_CB', NOW))],
    ['issued in the future', 'ISSUED_IN_FUTURE', () => signed(agent, envelope(agent.id, BUSINESS, new Date(NOW.getTime() + 5 * 60_000)))],
    ['expired', 'EXPIRED', () => signed(agent, envelope(agent.id, BUSINESS, new Date(NOW.getTime() - 20 * 60_000)))],
    ['without timestamps', 'BAD_TIMESTAMP', () => signed(agent, { 'agent-id': agent.id, 'business-id': BUSINESS })],
  ])('when it is %s, then it is refused as %s', (_what, failure, body) => {
    expect(check(body())).toEqual({ ok: false, failure });
  });

  test('when the checks disagree, then the first in the spec order is the one reported (signature before agent before business)', () => {
    // Signed by another key AND naming another agent and business: the signature fails first.
    expect(check(signed(other, envelope(other.id, 'OTHER_CB', NOW)))).toEqual({ ok: false, failure: 'BAD_SIGNATURE' });
    expect(check(signed(agent, envelope(other.id, 'OTHER_CB', NOW)))).toEqual({ ok: false, failure: 'WRONG_AGENT' });
  });
});

describe('the agent directory', () => {
  test('when entries are unusable, then each is left out with a reason naming its index and id, never a contact', () => {
    const { agents, rejected } = parseAgentDirectory([
      { id: agent.id, verify_key: agent.verifyKey, technical_contact: 'tech@agent.example' },
      { id: 'NO_KEY', technical_contact: 'secret-person@example.org' },
      { id: 'SHORT_KEY', verify_key: 'AAAA' },
      { verify_key: other.verifyKey },
      'not an object',
      { id: agent.id, verify_key: other.verifyKey },
      // Misspelt and older fields as directories in the wild have them: still usable.
      { agent_id: 'MISSPELT', 'verify-key': other.verifyKey, identity_assurance_uri: 'https://x.example/id' },
      { id: 'HEX_KEY', verify_key: Buffer.from(other.verifyKey, 'base64').toString('hex') },
    ]);
    expect([...agents.keys()].sort()).toEqual([agent.id, 'HEX_KEY', 'MISSPELT']);
    expect(agents.get('MISSPELT')?.identityAssuranceUrl).toBe('https://x.example/id');
    expect(rejected).toEqual([
      'entry 1 (NO_KEY): no verify_key',
      'entry 2 (SHORT_KEY): verify_key is not a 32-byte Ed25519 key in base64',
      'entry 3: no usable id',
      'entry 4: not an object',
      `entry 5 (${agent.id}): the id is listed twice; the first entry is kept`,
    ]);
    expect(rejected.join('\n')).not.toContain('@');
  });

  test('when the directory is wrapped in an object, then its agents list is read; anything else is refused', () => {
    expect(parseAgentDirectory({ agents: [{ id: agent.id, verify_key: agent.verifyKey }] }).agents.size).toBe(1);
    expect(() => parseAgentDirectory({ nothing: true })).toThrow(/neither a list/);
  });

  test('when a message is signed by the directory agent, then the key read from the directory verifies it', () => {
    const { agents } = parseAgentDirectory([{ id: agent.id, verify_key: agent.verifyKey }]);
    expect(check(signed(agent, envelope(agent.id, BUSINESS, NOW)), agents.get(agent.id)!.key).ok).toBe(true);
  });
});
