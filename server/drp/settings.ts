// The DRP settings: where the agent directory is, this business's id, the base path.
import { readFileSync } from 'node:fs';
import { type DirectoryAgent, parseAgentDirectory } from '../../drp/directory';

export interface DrpSettings {
  /** Where the five endpoints are served, e.g. "/drp" (DRP_BASE_PATH). */
  basePath: string;
  /** This covered business's id in the DRP business directory (DRP_BUSINESS_ID). */
  businessId: string;
  agents: ReadonlyMap<string, DirectoryAgent>;
}

/** Reads DRP_AGENT_DIRECTORY, DRP_BUSINESS_ID and DRP_BASE_PATH; undefined when DRP is not configured.
 *  Throws naming the setting at fault; each unusable directory entry is passed to `warn`. */
export function drpSettingsFromEnv(env: NodeJS.ProcessEnv, warn: (message: string) => void = (m) => console.warn(m)): DrpSettings | undefined {
  const file = env.DRP_AGENT_DIRECTORY?.trim();
  const businessId = env.DRP_BUSINESS_ID?.trim();
  if (!file && !businessId) return undefined;
  if (!file || !businessId) throw new Error('DRP_AGENT_DIRECTORY and DRP_BUSINESS_ID must be set together (the Data Rights Protocol endpoints need both).');
  const basePath = (env.DRP_BASE_PATH?.trim() || '/drp').replace(/\/+$/, '');
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(basePath)) throw new Error(`DRP_BASE_PATH must be a path such as /drp, not "${basePath}".`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`DRP_AGENT_DIRECTORY: ${file} could not be read as JSON (${(e as Error).message}).`);
  }
  const { agents, rejected } = parseAgentDirectory(json);
  for (const reason of rejected) warn(`DRP agent directory ${file}: ${reason}; the entry is ignored.`);
  return { basePath, businessId, agents };
}
