// The admin pages: staff accounts (list, create, change role, disable) and the data map.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../app-error';
import { serverProfile, type ServerDeps } from '../../deps';
import { STAFF_ROLES, type StaffRole } from '../../staff/roles';
import { dataMapView } from '../../use-cases/data-map-view';
import { changeStaffAccount, createStaffAccount, listStaffAccounts } from '../../use-cases/staff-accounts';
import type { FormFields } from '../form-input';
import { dataMapPage, staffAdminPage } from './admin-pages';
import { profilePage } from './profile-page';
import { consoleStaffOf } from './console-gate';
import { fieldsOf, flashOf, sendHtml, viewerOf } from './console-http';
import { consoleLanguageOf, refusalText } from './console-language';
import type { ConsoleMessages } from './console-messages-en';
import { consoleText } from './console-text';
import { consoleDocs } from './console-form-doc';

const USERNAME = /^[a-z0-9._-]{3,40}$/;
const MIN_PASSWORD = 12;
const isRole = (value: string | undefined): value is StaffRole => (STAFF_ROLES as readonly string[]).includes(value ?? '');

/** The new-account form: the use case's body, or the errors by field in the words given. */
function readNewAccount(f: FormFields, m: ConsoleMessages['fields']) {
  const errors: Record<string, string> = {};
  const username = (f.username ?? '').trim().toLowerCase();
  const displayName = (f.displayName ?? '').trim();
  const password = f.password ?? '';
  if (!USERNAME.test(username)) errors.username = m.username;
  if (displayName.length < 1 || displayName.length > 100) errors.displayName = m.displayName;
  if (!isRole(f.role)) errors.role = m.role;
  if (password.length < MIN_PASSWORD || password.length > 200) errors.password = m.password(MIN_PASSWORD);
  return { errors, body: { username, displayName, role: f.role as StaffRole, password } };
}

/** GET and POST /console/admin/staff, POST /console/admin/staff/:staffId, GET /console/admin/data-map. */
export const consoleAdminRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const staffPage = async (req: FastifyRequest, reply: FastifyReply, status: number, extra: Parameters<typeof staffAdminPage>[2] = {}) =>
      sendHtml(reply, status, staffAdminPage(viewerOf(req, deps.identityPepper), await listStaffAccounts(deps), { flash: status === 200 ? flashOf(req) : undefined, ...extra }));

    app.get('/console/admin/staff', { schema: { hide: true }, config: consoleDocs.staffAccounts }, async (req, reply) => staffPage(req, reply, 200));

    app.post('/console/admin/staff', { schema: { hide: true }, config: consoleDocs.createAccount }, async (req, reply) => {
      const fields = fieldsOf(req.body);
      const lang = consoleLanguageOf(req);
      const { errors, body } = readNewAccount(fields, consoleText(lang).messages.fields);
      // The password is never sent back into the page.
      const values = { ...fields, password: '' };
      if (Object.keys(errors).length > 0) return staffPage(req, reply, 422, { values, errors });
      try {
        await createStaffAccount(deps.db, body);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        const message = refusalText(lang, err);
        return staffPage(req, reply, err.status, { values, errors: err.code === 'USERNAME_TAKEN' ? { username: message } : {}, message });
      }
      return reply.redirect('/console/admin/staff?done=account-created', 303);
    });

    app.post('/console/admin/staff/:staffId', { schema: { hide: true, params: Type.Object({ staffId: Type.String({ format: 'uuid' }) }) }, config: consoleDocs.changeAccount }, async (req, reply) => {
      const fields = fieldsOf(req.body);
      if (!isRole(fields.role)) return staffPage(req, reply, 422, { message: consoleText(consoleLanguageOf(req)).messages.fields.accountRole });
      try {
        await changeStaffAccount(deps, consoleStaffOf(req).staffId, req.params.staffId, { role: fields.role, disabled: fields.disabled === 'yes', resetSecondFactor: fields.resetSecondFactor === 'yes' });
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500 || err.code === 'NOT_FOUND') throw err;
        return staffPage(req, reply, err.status, { message: refusalText(consoleLanguageOf(req), err) });
      }
      return reply.redirect('/console/admin/staff?done=account-changed', 303);
    });

    app.get('/console/admin/data-map', { schema: { hide: true }, config: consoleDocs.dataMap }, async (req, reply) =>
      sendHtml(reply, 200, dataMapPage(viewerOf(req, deps.identityPepper), await dataMapView(deps))),
    );

    app.get('/console/admin/profile', { schema: { hide: true }, config: consoleDocs.profile }, async (req, reply) =>
      sendHtml(reply, 200, profilePage(viewerOf(req, deps.identityPepper), serverProfile(deps))),
    );
  };
