// Compliance's action forms on a request: each calls the staff use case, then goes back to
// the request page (POST-redirect-GET) with a flash; a refusal is shown on the page instead.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { findRequestFields } from '../../../db/records';
import { getRegime } from '../../../policy';
import { AppError, notFound } from '../../app-error';
import type { ServerDeps } from '../../deps';
import { StoreParams } from '../../staff/schemas';
import { clearExemptionSignalFor, recordExemptionSignalFor } from '../../use-cases/exemption-signals';
import { placeLegalHold, releaseLegalHold } from '../../use-cases/legal-holds';
import { completeManualTask } from '../../use-cases/manual-tasks';
import { staffActions } from '../../use-cases/staff-actions';
import type { FormFields } from '../form-input';
import { readDecision, readHold, readSignal, readTaskCompletion } from './action-forms-input';
import { consoleStaffOf } from './console-gate';
import { fieldsOf, noteIn } from './console-http';
import type { FieldErrors } from './form-fields';
import { consoleLanguageOf, refusalText } from './console-language';
import type { ConsoleMessages } from './console-messages-en';
import { consoleText } from './console-text';

type FieldMessages = ConsoleMessages['fields'];
import { groundsFor, sendRequestPage } from './request-view';
import { consoleDocs } from './console-form-doc';

const Uuid = Type.String({ format: 'uuid' });
const ById = Type.Object({ id: Uuid });

type Params = { id: string; store?: string; hold?: string; signal?: string };
/** What an action handler returns: the flash code on success, or the errors of its fields. */
type Outcome = { done: string } | { errors: FieldErrors };

/** Every action on a request under /console/requests/:id. */
export const consoleActionRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    /** Runs an action and answers: redirect with a flash, or the page with the problem next to the form. */
    const act = (action: (req: FastifyRequest, fields: FormFields) => string, run: (staffId: string, p: Params, fields: FormFields, m: FieldMessages) => Promise<Outcome>) =>
      async (req: FastifyRequest, reply: FastifyReply) => {
        const params = req.params as Params;
        const fields = fieldsOf(req.body);
        const key = action(req, fields);
        let outcome: Outcome;
        try {
          outcome = await run(consoleStaffOf(req).staffId, params, fields, consoleText(consoleLanguageOf(req)).messages.fields);
        } catch (err) {
          if (!(err instanceof AppError) || err.status >= 500 || err.code === 'NOT_FOUND') throw err;
          return sendRequestPage(deps, req, reply, params.id, err.status, { action: key, message: refusalText(consoleLanguageOf(req), err, key.split(':')[0]), errors: {}, values: fields });
        }
        if ('errors' in outcome) return sendRequestPage(deps, req, reply, params.id, 422, { action: key, errors: outcome.errors, values: fields });
        return reply.redirect(`/console/requests/${params.id}?done=${outcome.done}`, 303);
      };
    const fixed = (key: string) => () => key;
    const on = (staffId: string, p: Params) => staffActions(deps, staffId, p.id);
    /** An action taking one note: refused next to the field when the note is missing or too long. */
    const withNote = (field: string, done: string, run: (staffId: string, p: Params, note: string) => Promise<unknown>) => async (staffId: string, p: Params, f: FormFields, m: FieldMessages): Promise<Outcome> => {
      const note = noteIn(f, field);
      if (!note) return { errors: { [field]: m.note } };
      await run(staffId, p, note);
      return { done };
    };
    const byId = { schema: { hide: true, params: ById } };
    const byStore = { schema: { hide: true, params: StoreParams } };
    const by = (name: string) => ({ schema: { hide: true, params: Type.Object({ id: Uuid, [name]: Uuid }) } });

    app.post('/console/requests/:id/decide', { ...byId, config: consoleDocs.decide }, act(fixed('decide'), async (staffId, p, f, m) => {
      const request = await findRequestFields(deps.db, p.id, { regime: true, type: true });
      if (!request) throw notFound('The request');
      const read = readDecision(f, groundsFor(request), getRegime(request.regime).fees.feeForExcessive, m);
      if ('errors' in read) return read;
      await on(staffId, p).decide(read.body);
      return { done: 'decided' };
    }));
    app.post('/console/requests/:id/approve', { ...byId, config: consoleDocs.approve }, act(fixed('approve'), async (staffId, p, f, m) => {
      const answer = f.approve;
      const reason = noteIn(f, 'reason');
      if ((answer !== 'yes' && answer !== 'no') || !reason) {
        return { errors: { ...(answer !== 'yes' && answer !== 'no' ? { approve: m.approve } : {}), ...(!reason ? { reason: m.note } : {}) } };
      }
      await on(staffId, p).approve(answer === 'yes', reason);
      return { done: answer === 'yes' ? 'approved' : 'rejected' };
    }));
    app.post('/console/requests/:id/fee/waive', { ...byId, config: consoleDocs.waiveFee }, act(fixed('waive'), withNote('reason', 'waived', (s, p, note) => on(s, p).waiveFee(note))));
    app.post('/console/requests/:id/extend', { ...byId, config: consoleDocs.extend }, act(fixed('extend'), withNote('reason', 'extended', (s, p, note) => on(s, p).extend(note))));
    app.post('/console/requests/:id/withdraw', { ...byId, config: consoleDocs.withdraw }, act(fixed('withdraw'), withNote('reason', 'withdrawn', (s, p, note) => on(s, p).withdraw(note))));

    const storeKey = (kind: string) => (req: FastifyRequest) => `${kind}:${(req.params as Params).store}`;
    app.post('/console/requests/:id/stores/:store/retry', { ...byStore, config: consoleDocs.retryStore }, act(storeKey('retry'), async (staffId, p) => {
      await on(staffId, p).retryStore(p.store!);
      return { done: 'retried' };
    }));
    app.post('/console/requests/:id/stores/:store/skip', { ...byStore, config: consoleDocs.skipStore }, act(storeKey('skip'), withNote('justification', 'skipped', (s, p, note) => on(s, p).skipStore(p.store!, note))));
    app.post('/console/requests/:id/stores/:store/complete', { ...byStore, config: consoleDocs.completeStore }, act(storeKey('complete'), withNote('note', 'completed', (s, p, note) => on(s, p).completeStore(p.store!, note))));

    app.post('/console/requests/:id/tasks/:store/complete', { ...byStore, config: consoleDocs.completeTask }, act(storeKey('task'), async (staffId, p, f, m) => {
      const read = readTaskCompletion(f, m);
      if ('errors' in read) return read;
      await completeManualTask(deps, staffId, p.id, p.store!, read.body);
      return { done: 'task-completed' };
    }));
    app.post('/console/requests/:id/holds', { ...byId, config: consoleDocs.placeHold }, act(fixed('hold'), async (staffId, p, f, m) => {
      const read = readHold(f, p.id, m);
      if ('errors' in read) return read;
      await placeLegalHold(deps, staffId, read.body);
      return { done: 'hold-placed' };
    }));
    app.post('/console/requests/:id/holds/:hold/release', { ...by('hold'), config: consoleDocs.releaseHold }, act((req) => `release:${(req.params as Params).hold}`,
      withNote('reason', 'hold-released', (s, p, note) => releaseLegalHold(deps, s, p.hold!, note))));
    app.post('/console/requests/:id/signals', { ...byId, config: consoleDocs.recordSignal }, act(fixed('signal'), async (staffId, p, f, m) => {
      const read = readSignal(f, m);
      if ('errors' in read) return read;
      await recordExemptionSignalFor(deps, staffId, p.id, read.body);
      return { done: 'signal-recorded' };
    }));
    app.post('/console/requests/:id/signals/:signal/clear', { ...by('signal'), config: consoleDocs.clearSignal }, act((req) => `clear:${(req.params as Params).signal}`,
      withNote('reason', 'signal-cleared', (s, p, note) => clearExemptionSignalFor(deps, s, p.signal!, note))));
  };
