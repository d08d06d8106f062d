// The staff console API under /api/staff: one plugin whose gate (session, role, CSRF)
// guards every route registered inside it, and nothing outside.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerDeps } from '../deps';
import { staffGate } from '../staff/access';
import { staffAccountRoutes } from './staff-accounts';
import { staffAdminRoutes } from './staff-admin';
import { staffCodecRoutes } from './staff-codec';
import { staffLegalRoutes } from './staff-legal';
import { staffManualTaskRoutes } from './staff-manual-tasks';
import { staffQueueRoutes } from './staff-queue';
import { staffRequestRoutes } from './staff-requests';
import { staffSessionRoutes } from './staff-session';

/** Every staff route, behind the staff gate. */
export const staffRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    // onRequest: the gate answers before the body is parsed or validated.
    app.addHook('onRequest', staffGate(deps.db, deps.clock));
    app.addHook('onSend', async (_req, reply) => void reply.header('Cache-Control', 'no-store'));
    await app.register(staffSessionRoutes(deps));
    await app.register(staffRequestRoutes(deps));
    await app.register(staffAccountRoutes(deps));
    await app.register(staffManualTaskRoutes(deps));
    await app.register(staffQueueRoutes(deps));
    await app.register(staffLegalRoutes(deps));
    await app.register(staffAdminRoutes(deps));
    await app.register(staffCodecRoutes(deps));
  };
