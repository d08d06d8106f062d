// Staff accounts, managed by admins.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerDeps } from '../deps';
import { withErrors } from '../schemas';
import { NewStaffAccountBody, StaffAccountView } from '../staff/schemas';
import { createStaffAccount } from '../use-cases/staff-accounts';

/** POST /api/staff/accounts. */
export const staffAccountRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/staff/accounts',
      {
        schema: {
          tags: ['staff'],
          summary: 'Create a staff account (admin)',
          description: 'The password needs at least 12 characters; it is stored only as an scrypt hash.',
          body: NewStaffAccountBody,
          response: withErrors({ 201: StaffAccountView }),
        },
      },
      async (req, reply) => reply.status(201).send(await createStaffAccount(deps.db, req.body)),
    );
  };
