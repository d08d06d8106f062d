// The Exercise Status object (§3.03), built from the DRP row and the engine's request: the
// answer of the exercise, status and revoke endpoints and the body of every status callback.
// It never carries personal data: ids, dates, the state and fixed explanations.
import { issueStatusToken } from '../crypto/status-token';
import type { RequestStatus } from '../domain/status';
import { type DrpState, drpStateOf } from './mapping';

export interface DrpRow {
  id: string;
  agentRequestId: string | null;
  started: boolean;
  deniedReason: string | null;
  processingDetails: string | null;
  receivedAt: Date;
}

export interface EngineRow {
  status: string;
  outcome: string | null;
  dueAt: Date | null;
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
}

/** The DRP state of a request: refused at intake, or its engine request's status through the table. */
export function stateOf(drp: DrpRow, engine: EngineRow | null): DrpState {
  if (!drp.started) return { status: 'denied', reason: (drp.deniedReason ?? 'other') as DrpState['reason'], details: drp.processingDetails ?? undefined };
  // Started, but the workflow's first activity has not written the engine's row yet.
  if (!engine) return { status: 'open' };
  return drpStateOf(engine.status as RequestStatus, engine.outcome);
}

/** The Exercise Status object. `link` lets a request awaiting the consumer's code point them at its
 *  status page (user_verification_url, §3.02.1); without it that reason is left out. */
export function exerciseStatus(drp: DrpRow, engine: EngineRow | null, link?: { publicUrl: string; key: Buffer; now: Date }): ExerciseStatus {
  const state = stateOf(drp, engine);
  const out: ExerciseStatus = { request_id: drp.id, received_at: drp.receivedAt.toISOString(), status: state.status };
  if (drp.agentRequestId !== null) out.agent_request_id = drp.agentRequestId;
  // §3.03: a request in progress MUST give expected_by; the engine's due date is the regime's deadline.
  if (engine?.dueAt && (state.status === 'in_progress' || state.status === 'open')) out.expected_by = engine.dueAt.toISOString();
  if (state.reason === 'need_user_verification') {
    if (link) {
      const token = issueStatusToken(link.key, drp.id, link.now);
      out.reason = state.reason;
      out.user_verification_url = `${link.publicUrl.replace(/\/+$/, '')}/portal/requests/${drp.id}?lang=en&token=${encodeURIComponent(token)}`;
    }
  } else if (state.reason) {
    out.reason = state.reason;
  }
  if (state.details) out.processing_details = state.details;
  return out;
}
