// The console's work on requests besides the legal actions: finding one (POST, so an address
// or a telephone number is never in a URL or a log line), assigning its owner, internal notes, and the staff
// member's own language.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServerDeps } from '../../deps';
import { addRequestNote } from '../../use-cases/request-notes';
import { assignOwner } from '../../use-cases/request-owner';
import { searchFilter } from '../../use-cases/request-search';
import { viewSubjectContact } from '../../use-cases/subject-contact';
import { reviewQueue } from '../../use-cases/review-queue';
import { consoleStaffOf } from './console-gate';
import { fieldsOf, noteIn, sendHtml, viewerOf } from './console-http';
import { withOwners } from './list-owners';
import { foundPage } from './queue-page';
import { sendRequestPage } from './request-view';
import { AppError } from '../../app-error';
import { consoleLanguageOf, refusalText } from './console-language';
import { textFor } from './console-layout';
import { consoleText } from './console-text';
import { consoleDocs } from './console-form-doc';

const ById = { schema: { hide: true, params: Type.Object({ id: Type.String({ format: 'uuid' }) }) } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FOUND_LIMIT = 50;

/** POST /console/find, /console/requests/:id/owner, .../notes, .../contact, /console/language. */
export const consoleWorkRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const viewer = (req: Parameters<typeof viewerOf>[0]) => viewerOf(req, deps.identityPepper);

    app.post('/console/find', { schema: { hide: true }, config: consoleDocs.find }, async (req, reply) => {
      const filters = await searchFilter(deps, fieldsOf(req.body).q ?? '');
      const v = viewer(req);
      if (!filters) return sendHtml(reply, 422, foundPage(v, [], textFor(v).messages.fields.find));
      const found = await reviewQueue(deps, { view: 'all', sort: '-deadline', pageSize: FOUND_LIMIT, filters });
      // One match by its reference: straight to the request, as staff expect of a reference.
      if (filters.idPrefix && found.items.length === 1) return reply.redirect(`/console/requests/${found.items[0]!.id}`, 303);
      return sendHtml(reply, 200, foundPage(v, (await withOwners(deps, v, found)).items));
    });

    app.post('/console/requests/:id/owner', { ...ById, config: consoleDocs.owner }, async (req, reply) => {
      const me = consoleStaffOf(req).staffId;
      const chosen = fieldsOf(req.body).owner ?? '';
      const owner = chosen === 'me' ? me : chosen;
      try {
        if (!UUID.test(owner)) throw new AppError(422, 'INVALID_INPUT', consoleText('en').messages.fields.owner);
        await assignOwner(deps, me, req.params.id, owner);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500 || err.code === 'NOT_FOUND') throw err;
        const lang = consoleLanguageOf(req);
        const message = err.code === 'INVALID_INPUT' ? consoleText(lang).messages.fields.owner : refusalText(lang, err, 'owner');
        return sendRequestPage(deps, req, reply, req.params.id, err.status, { action: 'owner', message, errors: {}, values: {} });
      }
      return reply.redirect(`/console/requests/${req.params.id}?done=assigned`, 303);
    });

    app.post('/console/requests/:id/notes', { ...ById, config: consoleDocs.addNote }, async (req, reply) => {
      const fields = fieldsOf(req.body);
      const note = noteIn(fields, 'note');
      if (!note) return sendRequestPage(deps, req, reply, req.params.id, 422, { action: 'note', errors: { note: consoleText(consoleLanguageOf(req)).messages.fields.note }, values: fields });
      await addRequestNote(deps, consoleStaffOf(req).staffId, req.params.id, note);
      return reply.redirect(`/console/requests/${req.params.id}?done=note-added#notes-h`, 303);
    });

    // The contact is the answer to this post itself: never in a redirect, a URL or a cache.
    app.post('/console/requests/:id/contact', { ...ById, config: consoleDocs.contact }, async (req, reply) => {
      const contact = await viewSubjectContact(deps, consoleStaffOf(req), req.params.id);
      return sendRequestPage(deps, req, reply, req.params.id, 200, undefined, contact);
    });

    app.post('/console/language', { schema: { hide: true }, config: consoleDocs.language }, async (req, reply) => {
      const language = fieldsOf(req.body).language;
      if (language !== 'en' && language !== 'zh') throw new AppError(400, 'INVALID_INPUT', consoleText(consoleLanguageOf(req)).messages.fields.language);
      await deps.db.staffAccount.update({ where: { id: consoleStaffOf(req).staffId }, data: { language } });
      return reply.redirect('/console?done=language-set', 303);
    });
  };
