// Administration: staff accounts and roles, and the data map in read form.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { serverProfile, type ServerDeps } from '../deps';
import { withErrors } from '../schemas';
import { staffOf } from '../staff/access';
import { ChangeStaffBody, DataMapView, StaffAccountList, StaffAccountRow, StaffIdParams } from '../staff/console-schemas';
import { dataMapView } from '../use-cases/data-map-view';
import { changeStaffAccount, listStaffAccounts } from '../use-cases/staff-accounts';

const tags = ['staff'];

const ProfileView = Type.Object(
  {
    digest: Type.String({ description: 'SHA-256 of the canonical JSON, as recorded on requests at intake.' }),
    file: Type.Union([Type.String(), Type.Null()]),
    profile: Type.Record(Type.String(), Type.Unknown(), { description: 'As in docs/controller-profile.schema.json.' }),
  },
  { description: 'The controller profile in force.' },
);

/** GET/PATCH /api/staff/accounts, GET /api/staff/data-map and GET /api/staff/profile. */
export const staffAdminRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/api/staff/accounts', { schema: { tags, summary: 'List staff accounts (admin)', response: withErrors({ 200: StaffAccountList }) } }, async () => ({
      accounts: await listStaffAccounts(deps),
    }));

    app.patch(
      '/api/staff/accounts/:staffId',
      {
        schema: {
          tags,
          summary: 'Change a staff account’s role, or disable it (admin)',
          description: 'The last active admin cannot be demoted or disabled (409 LAST_ADMIN). Disabling ends the account’s sessions.',
          params: StaffIdParams,
          body: ChangeStaffBody,
          response: withErrors({ 200: StaffAccountRow }),
        },
      },
      async (req) => changeStaffAccount(deps, staffOf(req).staffId, req.params.staffId, req.body),
    );

    app.get(
      '/api/staff/data-map',
      { schema: { tags, summary: 'The data map, with each store’s connection state (compliance, admin)', response: withErrors({ 200: DataMapView }) } },
      async () => dataMapView(deps),
    );

    app.get(
      '/api/staff/profile',
      { schema: { tags, summary: 'The controller profile in force and its digest (compliance, admin)', response: withErrors({ 200: ProfileView }) } },
      async () => {
        const { profile, digest, file } = serverProfile(deps);
        return { digest, file: file ?? null, profile: profile as unknown as Record<string, unknown> };
      },
    );
  };
