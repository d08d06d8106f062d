// The action forms of a request page, for compliance: each posts to its own console route
// with the CSRF field; a refused form comes back with its errors and values.
import type { RefusalGround } from '../../../policy';
import { html, type Html } from '../../../markup/html';
import type { FormFields } from '../form-input';
import { csrfField, textFor, type ConsoleViewer } from './console-layout';
import { labelOf } from './console-text';
import { inputField, noteField, radioGroup, type FieldErrors } from './form-fields';

/** A form that was refused: which one, why, and what was typed. */
export interface ActionProblem {
  /** The form's key, e.g. "decide" or "skip:partner-crm". */
  action: string;
  message?: string;
  errors: FieldErrors;
  values: FormFields;
}

/** The checkbox of one refusal ground in the decide form: one name per ground, as form bodies keep the first value of a name. */
export const groundField = (code: string) => `ground_${code}`;

/** Builds the forms of one request page. */
export function requestForms(viewer: ConsoleViewer, requestId: string, problem?: ActionProblem) {
  const base = `/console/requests/${requestId}`;
  const w = textFor(viewer).forms;
  const groundName = (g: RefusalGround) => w.groundNames[g.code] ?? g.description;
  const mine = (action: string) => (problem?.action === action ? problem : undefined);
  /** A field's id, unique on the page, and its error and typed value. */
  const field = (action: string, name: string) => ({
    id: `${action.replace(/[^A-Za-z0-9_-]/g, '-')}-${name}`,
    name,
    value: mine(action)?.values[name],
    error: mine(action)?.errors[name],
  });
  const form = (action: string, path: string, heading: string, fields: Html | string, button: string) => {
    const refused = mine(action)?.message;
    return html`<form method="post" action="${base}${path}" aria-label="${heading}" novalidate>
${csrfField(viewer)}
${refused ? html`<p class="error" role="alert">${refused}</p>` : ''}${fields}
<button type="submit">${button}</button>
</form>`;
  };
  const reason = (action: string, label: string, hint?: string) => noteField({ ...field(action, 'reason'), label, hint });

  return {
    decide: (grounds: readonly RefusalGround[]) => {
      const chosen = (code: string) => mine('decide')?.values[groundField(code)] === 'yes';
      const boxes = grounds.map(
        (g) => html`<label><input type="checkbox" name="${groundField(g.code)}" value="yes"${chosen(g.code) ? html` checked` : ''}> ${groundName(g)} <span class="hint">(${g.citation})</span></label>`,
      );
      const groundError = field('decide', 'grounds').error;
      return form(
        'decide',
        '/decide',
        w.decide,
        html`${radioGroup({ ...field('decide', 'decision'), label: w.decision, options: (['PROCEED', 'REFUSE', 'REFUSE_IN_PART', 'CHARGE_FEE'] as const).map((d) => [d, labelOf(w.decisions, d)] as const) })}
<fieldset${groundError ? html` aria-describedby="decide-grounds-error"` : ''}><legend>${w.grounds}</legend>
${groundError ? html`<p class="error" id="decide-grounds-error">${groundError}</p>` : ''}${boxes.length > 0 ? boxes : html`<p class="hint">${w.noGrounds}</p>`}
</fieldset>
${inputField({ ...field('decide', 'excluded'), label: w.excluded, hint: w.excludedHint })}
${reason('decide', w.decisionReasons, w.decisionReasonsHint)}`,
        w.recordDecision,
      );
    },
    approve: () =>
      form(
        'approve',
        '/approve',
        w.approveHeading,
        html`${radioGroup({ ...field('approve', 'approve'), label: w.yourAnswer, options: [['yes', w.approveYes], ['no', w.approveNo]] })}
${reason('approve', w.why, w.keptInTrail)}`,
        w.recordAnswer,
      ),
    waiveFee: () => form('waive', '/fee/waive', w.waive, reason('waive', w.whyWaived), w.waive),
    extend: () => form('extend', '/extend', w.extend, reason('extend', w.whyExtend, w.whyExtendHint), w.extend),
    withdraw: () => form('withdraw', '/withdraw', w.withdraw, reason('withdraw', w.whyWithdraw), w.withdraw),
    retryStore: (store: string) => form(`retry:${store}`, `/stores/${store}/retry`, w.retryStore(store), '', w.retryStore(store)),
    skipStore: (store: string) =>
      form(`skip:${store}`, `/stores/${store}/skip`, w.skipStore(store), noteField({ ...field(`skip:${store}`, 'justification'), label: w.whySkip(store) }), w.skipStore(store)),
    completeStore: (store: string) =>
      form(`complete:${store}`, `/stores/${store}/complete`, w.completeStore(store), noteField({ ...field(`complete:${store}`, 'note'), label: w.whatByHand(store) }), w.markDone(store)),
    completeTask: (store: string) => {
      const key = `task:${store}`;
      const nothing = mine(key)?.values.nothingFound === 'yes';
      return form(
        key,
        `/tasks/${store}/complete`,
        w.taskHeading(store),
        html`${noteField({ ...field(key, 'note'), label: w.taskWhat(store) })}
<label><input type="checkbox" name="nothingFound" value="yes"${nothing ? html` checked` : ''}> ${w.nothingFound}</label>
${inputField({ ...field(key, 'processed'), label: w.recordsDealt, maxLength: 9 })}`,
        w.completeTask,
      );
    },
    placeHold: (stores: readonly string[]) =>
      form(
        'hold',
        '/holds',
        w.placeHold,
        html`<label for="hold-store">${w.holdStore}</label>
<select id="hold-store" name="store"><option value="">${w.everyStore}</option>${stores.map((s) => html`<option value="${s}"${mine('hold')?.values.store === s ? html` selected` : ''}>${s}</option>`)}</select>
${inputField({ ...field('hold', 'category'), label: w.holdCategory, maxLength: 64 })}
${inputField({ ...field('hold', 'authority'), label: w.holdAuthority, maxLength: 200 })}
${inputField({ ...field('hold', 'reference'), label: w.holdReference, maxLength: 200 })}
${inputField({ ...field('hold', 'basis'), label: w.holdBasis, maxLength: 500, hint: w.holdBasisHint })}
${noteField({ ...field('hold', 'reason'), label: w.holdWhy })}
${inputField({ ...field('hold', 'endsAt'), label: w.holdEnds, maxLength: 10 })}`,
        w.placeTheHold,
      ),
    releaseHold: (holdId: string) => form(`release:${holdId}`, `/holds/${holdId}/release`, w.releaseHold, reason(`release:${holdId}`, w.whyRelease), w.releaseHold),
    recordSignal: (grounds: readonly RefusalGround[]) => {
      const f = field('signal', 'ground');
      const options = grounds.map((g) => html`<option value="${g.code}"${f.value === g.code ? html` selected` : ''}>${g.code}: ${groundName(g)}</option>`);
      return form(
        'signal',
        '/signals',
        w.recordSignal,
        html`<label for="${f.id}">${w.signalGround}</label>
<select id="${f.id}" name="ground"${f.error ? html` aria-invalid="true" aria-describedby="${f.id}-error"` : ''}>${options}</select>
${f.error ? html`<p class="error" id="${f.id}-error">${f.error}</p>` : ''}
${noteField({ ...field('signal', 'note'), label: w.signalNote })}`,
        w.recordTheSignal,
      );
    },
    clearSignal: (signalId: string) => form(`clear:${signalId}`, `/signals/${signalId}/clear`, w.clearSignal, reason(`clear:${signalId}`, w.whyClear), w.clearSignal),
  };
}
