// The agent directory, in the DRP service directory's agents.json format (§3.05.1): the root
// of trust, mapping each agent id to its Ed25519 verify key. Parsed defensively: an entry
// that cannot be used is left out with a logged reason (its index and id, never a contact).
import type { KeyObject } from 'node:crypto';
import { ed25519PublicKey } from './signed-message';

export interface DirectoryAgent {
  id: string;
  name: string;
  key: KeyObject;
  identityAssuranceUrl?: string;
}

export interface ParsedDirectory {
  agents: ReadonlyMap<string, DirectoryAgent>;
  rejected: string[];
}

// Spellings seen in directories in the wild beside the specified ones; the first is the spec's.
const ID_FIELDS = ['id', 'agent_id', 'agent-id'];
const KEY_FIELDS = ['verify_key', 'verify-key', 'verifyKey', 'verifying_key', 'public_key'];
const ASSURANCE_FIELDS = ['identity_assurance_url', 'identity_assurance_uri', 'identity-assurance-url'];

function firstString(entry: Record<string, unknown>, fields: string[]): string | undefined {
  for (const f of fields) {
    const v = entry[f];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

/** The raw key bytes: base64 as specified since 0.9.1, or the hex of earlier drafts. */
function keyBytes(text: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  const normalised = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(normalised)) return null;
  const raw = Buffer.from(normalised, 'base64');
  return raw.length === 32 ? raw : null;
}

/** Parses agents.json: an array of agents, or an object holding one under `agents`. */
export function parseAgentDirectory(json: unknown): ParsedDirectory {
  const list = Array.isArray(json) ? json : typeof json === 'object' && json !== null && Array.isArray((json as { agents?: unknown }).agents) ? (json as { agents: unknown[] }).agents : null;
  if (!list) throw new Error('The agent directory is neither a list of agents nor an object with an "agents" list.');
  const agents = new Map<string, DirectoryAgent>();
  const rejected: string[] = [];
  list.forEach((raw, index) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      rejected.push(`entry ${index}: not an object`);
      return;
    }
    const entry = raw as Record<string, unknown>;
    const id = firstString(entry, ID_FIELDS);
    if (!id || !/^[A-Za-z0-9_.:-]{1,128}$/.test(id)) {
      rejected.push(`entry ${index}: no usable id`);
      return;
    }
    const keyText = firstString(entry, KEY_FIELDS);
    const bytes = keyText ? keyBytes(keyText) : null;
    if (!bytes) {
      rejected.push(`entry ${index} (${id}): ${keyText ? 'verify_key is not a 32-byte Ed25519 key in base64' : 'no verify_key'}`);
      return;
    }
    if (agents.has(id)) {
      rejected.push(`entry ${index} (${id}): the id is listed twice; the first entry is kept`);
      return;
    }
    const assurance = firstString(entry, ASSURANCE_FIELDS);
    agents.set(id, { id, name: firstString(entry, ['name']) ?? id, key: ed25519PublicKey(bytes), ...(assurance ? { identityAssuranceUrl: assurance } : {}) });
  });
  return { agents, rejected };
}
