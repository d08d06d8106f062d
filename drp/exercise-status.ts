// The Exercise Status object (§3.03), built from the DRP row and the engine's request: the
// answer of the exercise, status and revoke endpoints and the body of every status callback.
// It never carries personal data: ids, dates, the state and fixed explanations.
import { issueStatusToken } from '../crypto/status-token';
import type { RequestStatus } from '../domain/status';
import type { RequestType } from '../domain/request-kinds';
import { type DrpState, drpStateOf } from './mapping';
import { agentResultsUrl } from './results-link';

export interface DrpRow {
  id: string;
  agentRequestId: string | null;
  started: boolean;
  deniedReason: string | null;
  processingDetails: string | null;
  receivedAt: Date;
}

export interface EngineRow {
  status: RequestStatus;
  outcome: string | null;
  dueAt: Date | null;
  /** How many times the deadline was extended (§3.08). */
  extensions?: number;
  type?: RequestType;
  /** Legal citations of an exemption the request was refused under (drp/engine-facts.ts). */
  citations?: readonly string[];
  /** A fulfilled access request's package; null when nothing was held, so none was built. */
  accessPackage?: { expiresAt: Date; purgedAt: Date | null } | null;
}

export interface ExerciseStatus {
  request_id: string;
  received_at: string;
  expected_by?: string;
  agent_request_id?: string;
  status: DrpState['status'];
  reason?: string;
  processing_details?: string;
  user_verification_url?: string;
  results_url?: string;
  expires_at?: string;
}

/** Now, and where links to the engine's pages are made from: the public address and the
 *  status-link key (no links without both). */
export interface LinkContext {
  publicUrl?: string;
  key?: Buffer;
  now: Date;
}

/** §3.08: an extended request says why, in fixed words (staff's reasons went to the consumer). */
const EXTENDED = 'The business extended the time to reply, as the regime allows for complex or numerous requests; the consumer was told why.';

/** The DRP state of a request: refused at intake, or its engine request's status through the table. */
export function stateOf(drp: DrpRow, engine: EngineRow | null): DrpState {
  if (!drp.started) return { status: 'denied', reason: (drp.deniedReason ?? 'other') as DrpState['reason'], details: drp.processingDetails ?? undefined };
  // Started, but the workflow's first activity has not written the engine's row yet.
  if (!engine) return { status: 'open' };
  const nothingHeld = engine.type === 'ACCESS' && engine.accessPackage === null;
  return drpStateOf(engine.status, engine.outcome, { citations: engine.citations, nothingHeld });
}

/** The Exercise Status object. `link` lets a request awaiting the consumer's code point them at its
 *  status page (user_verification_url, §3.02.1) and a fulfilled access request at its package
 *  (results_url); without it those are left out. */
export function exerciseStatus(drp: DrpRow, engine: EngineRow | null, link?: LinkContext): ExerciseStatus {
  const state = stateOf(drp, engine);
  const out: ExerciseStatus = { request_id: drp.id, received_at: drp.receivedAt.toISOString(), status: state.status };
  if (drp.agentRequestId !== null) out.agent_request_id = drp.agentRequestId;
  const extended = (engine?.extensions ?? 0) > 0;
  // §3.03: a request in progress MUST give expected_by; the engine's due date is the regime's
  // deadline, moved by each extension (§3.08), so it is read fresh every time.
  if (engine?.dueAt && (state.status === 'in_progress' || state.status === 'open')) out.expected_by = engine.dueAt.toISOString();
  if (state.reason === 'need_user_verification') {
    if (link?.publicUrl && link.key) {
      const token = issueStatusToken(link.key, drp.id, link.now);
      out.reason = state.reason;
      out.user_verification_url = `${link.publicUrl.replace(/\/+$/, '')}/portal/requests/${drp.id}?lang=en&token=${encodeURIComponent(token)}`;
    }
  } else if (state.reason) {
    out.reason = state.reason;
  }
  const details = out.expected_by && extended ? [EXTENDED, state.details].filter(Boolean).join(' ') : state.details;
  if (details) out.processing_details = details;
  // §3.02 fulfilled adds results_url and expires_at: the access package, while it is kept.
  const pkg = state.status === 'fulfilled' ? engine?.accessPackage : undefined;
  if (pkg) {
    out.expires_at = pkg.expiresAt.toISOString();
    // §3.02 expired: "the time is currently after the expires_at"; the link then answers 410.
    if (pkg.purgedAt || (link && pkg.expiresAt <= link.now)) out.status = 'expired';
    else if (link?.publicUrl && link.key) out.results_url = agentResultsUrl(link.publicUrl, link.key, drp.id);
  }
  return out;
}
