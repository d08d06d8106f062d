// The five endpoints a privacy infrastructure provider serves under DRP 1.0 (§2), under the
// base path (DRP_BASE_PATH, default /drp). Bodies are the signed text/plain messages of §3.07;
// answers are JSON. Described in the OpenAPI document by server/drp/schemas.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { engineFacts } from '../../drp/engine-facts';
import { exerciseStatus } from '../../drp/exercise-status';
import { verifySignedMessage } from '../../drp/signed-message';
import { AppError } from '../app-error';
import type { ServerDeps } from '../deps';
import { updateRequest } from '../use-cases/request-update';
import { withdrawUpdate } from '../../workflows/messages';
import { DrpError } from './drp-error';
import { exerciseRight, verificationLink } from './exercise';
import type { DrpSettings } from './settings';
import { issueAgentToken } from './tokens';
import { drpSchemas } from './schemas';
import { requireAgent, verifiedClaims } from './verify';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Params = { agentId?: string; requestId?: string };

/** Answers a DrpError as §3.06 says; anything else goes on to the app's error handler. */
async function answer(req: FastifyRequest, reply: FastifyReply, work: () => Promise<unknown>) {
  try {
    return reply.status(200).send(await work());
  } catch (caught) {
    // The engine's own refusals (AppError) are answered in the DRP shape too.
    const err = caught instanceof AppError ? new DrpError(caught.status, caught.message) : caught;
    if (!(err instanceof DrpError)) throw err;
    // The route and the failure only: bodies and tokens stay out of the log.
    req.log.warn({ drp: { status: err.status, failure: err.message } }, 'DRP request refused');
    return reply.status(err.status).type('application/json').send(err.body);
  }
}

/** The agent's DRP request, only for the agent that filed it (§2.02.1: 403 for another). */
async function requestOf(deps: ServerDeps, agentId: string, requestId: string | undefined) {
  if (!requestId || !UUID.test(requestId)) throw new DrpError(404, 'No such request.');
  const row = await deps.db.drpRequest.findUnique({ where: { id: requestId } });
  if (!row) throw new DrpError(404, 'No such request.');
  if (row.agentId !== agentId) throw new DrpError(403, 'This request is managed by another agent.');
  const engine = row.started ? await engineFacts(deps.db, requestId) : null;
  return { row, engine };
}

/** Registers the DRP endpoints under `drp.basePath`. */
export function drpRoutes(deps: ServerDeps, drp: DrpSettings) {
  return async (app: FastifyInstance) => {
    const base = `${drp.basePath}/v1`;

    // §2.05 Pair-wise key setup: any failure is 403 with no body.
    app.post<{ Params: Params }>(`${base}/agent/:agentId`, drpSchemas.setup, async (req, reply) => {
      const agentId = req.params.agentId ?? '';
      const agent = drp.agents.get(agentId);
      const checked = agent && typeof req.body === 'string' ? verifySignedMessage(req.body, { key: agent.key, agentId, businessId: drp.businessId, now: deps.clock() }) : null;
      if (!checked?.ok || checked.claims['drp.version'] !== '1.0') {
        req.log.warn({ drp: { setup: checked && !checked.ok ? checked.failure : agent ? 'BAD_BODY' : 'UNKNOWN_AGENT' } }, 'DRP key setup refused');
        return reply.status(403).send();
      }
      return reply.status(200).send({ 'agent-id': agentId, token: await issueAgentToken(deps.db, agentId) });
    });

    // §2.06 Agent information: the token must belong to the agent in the URL.
    app.get<{ Params: Params }>(`${base}/agent/:agentId`, drpSchemas.agentInfo, async (req, reply) =>
      answer(req, reply, async () => {
        const agentId = await requireAgent(deps, drp, req.headers.authorization);
        if (agentId !== req.params.agentId) throw new DrpError(403, 'This token was issued to another agent.');
        return {};
      }),
    );

    // §2.01 Exercise; the trailing slash of versions before 0.9.3 is still accepted.
    const exercise = async (req: FastifyRequest, reply: FastifyReply) =>
      answer(req, reply, async () => {
        const agentId = await requireAgent(deps, drp, req.headers.authorization);
        return exerciseRight(deps, drp, agentId, verifiedClaims(deps, drp, agentId, req.body, { version: true }));
      });
    app.post(`${base}/data-rights-request`, drpSchemas.exercise(false), exercise);
    app.post(`${base}/data-rights-request/`, drpSchemas.exercise(true), exercise);

    // §2.02 Status.
    app.get<{ Params: Params }>(`${base}/data-rights-request/:requestId`, drpSchemas.status, async (req, reply) =>
      answer(req, reply, async () => {
        const agentId = await requireAgent(deps, drp, req.headers.authorization);
        const { row, engine } = await requestOf(deps, agentId, req.params.requestId);
        return exerciseStatus(row, engine, verificationLink(deps));
      }),
    );

    // §2.04 Revoke: the engine's withdrawal, allowed until fulfilment begins.
    app.delete<{ Params: Params }>(`${base}/data-rights-request/:requestId`, drpSchemas.revoke, async (req, reply) =>
      answer(req, reply, async () => {
        const agentId = await requireAgent(deps, drp, req.headers.authorization);
        const { row, engine } = await requestOf(deps, agentId, req.params.requestId);
        const claims = verifiedClaims(deps, drp, agentId, req.body, { version: false });
        const reason = typeof claims.reason === 'string' ? claims.reason.slice(0, 500) : undefined;
        if (!row.started) throw new DrpError(409, 'This request was closed when it was filed; there is nothing to revoke.');
        try {
          await updateRequest(deps, row.id, withdrawUpdate, { actor: `drp-agent:${agentId}`, ...(reason ? { reason } : {}) });
        } catch (err) {
          if (err instanceof AppError && (err.status === 409 || err.status === 404)) throw new DrpError(409, err.message);
          throw err;
        }
        // §2.04.1: the answer carries the new state; the workflow records it a moment later.
        return exerciseStatus(row, { dueAt: engine?.dueAt ?? null, status: 'WITHDRAWN', outcome: 'WITHDRAWN' }, verificationLink(deps));
      }),
    );
  };
}
