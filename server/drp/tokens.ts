// Pairwise tokens (§2.05): 32 random bytes, given to the agent once, kept only as SHA-256 and
// bound to the one agent that asked for it.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/prisma';

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Issues a new token for the agent and stores its hash. */
export async function issueAgentToken(db: Db, agentId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.drpAgentToken.create({ data: { tokenHash: hashOf(token), agentId } });
  return token;
}

/** The agent a Bearer token was issued to, or null for an unknown or malformed one. */
export async function agentOfToken(db: Db, authorization: string | undefined): Promise<string | null> {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,256})\s*$/i.exec(authorization ?? '');
  if (!match) return null;
  const row = await db.drpAgentToken.findUnique({ where: { tokenHash: hashOf(match[1]!) }, select: { agentId: true } });
  return row?.agentId ?? null;
}
