// The action forms of a request page, for compliance: each posts to its own console route
// with the CSRF field; a refused form comes back with its errors and values.
import type { RefusalGround } from '../../../policy';
import { html, type Html } from '../../../markup/html';
import type { FormFields } from '../form-input';
import { csrfField, type ConsoleViewer } from './console-layout';
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
        (g) => html`<label><input type="checkbox" name="${groundField(g.code)}" value="yes"${chosen(g.code) ? html` checked` : ''}> ${g.description} <span class="hint">(${g.citation})</span></label>`,
      );
      const groundError = field('decide', 'grounds').error;
      return form(
        'decide',
        '/decide',
        'Decide',
        html`${radioGroup({ ...field('decide', 'decision'), label: 'Decision', options: [['PROCEED', 'Proceed'], ['REFUSE', 'Refuse'], ['REFUSE_IN_PART', 'Refuse in part'], ['CHARGE_FEE', 'Charge the regime’s fee (manifestly unfounded or excessive)']] })}
<fieldset${groundError ? html` aria-describedby="decide-grounds-error"` : ''}><legend>Grounds for a refusal</legend>
${groundError ? html`<p class="error" id="decide-grounds-error">${groundError}</p>` : ''}${boxes.length > 0 ? boxes : html`<p class="hint">This regime lists no refusal grounds for this right.</p>`}
</fieldset>
${inputField({ ...field('decide', 'excluded'), label: 'For a partial refusal: the categories kept back', hint: 'Category names from the data map, separated by commas, e.g. network, device.' })}
${reason('decide', 'Reasons for the decision', 'Sent to the subject with a refusal; kept in the audit trail.')}`,
        'Record the decision',
      );
    },
    approve: () =>
      form(
        'approve',
        '/approve',
        'Approve or reject the erasure',
        html`${radioGroup({ ...field('approve', 'approve'), label: 'Your answer', options: [['yes', 'Approve: the attested identity stands, go on with the erasure'], ['no', 'Reject: the identity is not proven, close the request as unverifiable']] })}
${reason('approve', 'Why', 'Kept in the audit trail.')}`,
        'Record the answer',
      ),
    waiveFee: () => form('waive', '/fee/waive', 'Waive the fee', reason('waive', 'Why the fee is waived'), 'Waive the fee'),
    extend: () => form('extend', '/extend', 'Extend the deadline', reason('extend', 'Why more time is needed', 'The subject is told these reasons.'), 'Extend the deadline'),
    withdraw: () => form('withdraw', '/withdraw', 'Withdraw the request', reason('withdraw', 'Why the request is withdrawn'), 'Withdraw the request'),
    retryStore: (store: string) => form(`retry:${store}`, `/stores/${store}/retry`, `Retry ${store}`, '', `Retry ${store}`),
    skipStore: (store: string) =>
      form(`skip:${store}`, `/stores/${store}/skip`, `Skip ${store}`, noteField({ ...field(`skip:${store}`, 'justification'), label: `Why ${store} is left out` }), `Skip ${store}`),
    completeStore: (store: string) =>
      form(`complete:${store}`, `/stores/${store}/complete`, `Complete ${store} by hand`, noteField({ ...field(`complete:${store}`, 'note'), label: `What was done by hand in ${store}` }), `Mark ${store} done by hand`),
    completeTask: (store: string) => {
      const key = `task:${store}`;
      const nothing = mine(key)?.values.nothingFound === 'yes';
      return form(
        key,
        `/tasks/${store}/complete`,
        `Complete the manual task for ${store}`,
        html`${noteField({ ...field(key, 'note'), label: `What was checked or done in ${store}` })}
<label><input type="checkbox" name="nothingFound" value="yes"${nothing ? html` checked` : ''}> Checked, nothing found</label>
${inputField({ ...field(key, 'processed'), label: 'Records dealt with (optional)', maxLength: 9 })}`,
        'Complete the task',
      );
    },
    placeHold: (stores: readonly string[]) =>
      form(
        'hold',
        '/holds',
        'Place a legal hold',
        html`<label for="hold-store">Store (empty: every store)</label>
<select id="hold-store" name="store"><option value="">Every store</option>${stores.map((s) => html`<option value="${s}"${mine('hold')?.values.store === s ? html` selected` : ''}>${s}</option>`)}</select>
${inputField({ ...field('hold', 'category'), label: 'Category (empty: every category)', maxLength: 64 })}
${inputField({ ...field('hold', 'authority'), label: 'Authority that ordered it', maxLength: 200 })}
${inputField({ ...field('hold', 'reference'), label: 'Order reference (optional)', maxLength: 200 })}
${inputField({ ...field('hold', 'basis'), label: 'Legal basis', maxLength: 500, hint: 'The citation given to the subject.' })}
${noteField({ ...field('hold', 'reason'), label: 'Why the data must be kept' })}
${inputField({ ...field('hold', 'endsAt'), label: 'Ends on (optional, YYYY-MM-DD)', maxLength: 10 })}`,
        'Place the hold',
      ),
    releaseHold: (holdId: string) => form(`release:${holdId}`, `/holds/${holdId}/release`, 'Release the hold', reason(`release:${holdId}`, 'Why the hold ends'), 'Release the hold'),
    recordSignal: (grounds: readonly RefusalGround[]) => {
      const f = field('signal', 'ground');
      const options = grounds.map((g) => html`<option value="${g.code}"${f.value === g.code ? html` selected` : ''}>${g.code}: ${g.description}</option>`);
      return form(
        'signal',
        '/signals',
        'Record an exemption signal',
        html`<label for="${f.id}">Refusal ground that applies</label>
<select id="${f.id}" name="ground"${f.error ? html` aria-invalid="true" aria-describedby="${f.id}-error"` : ''}>${options}</select>
${f.error ? html`<p class="error" id="${f.id}-error">${f.error}</p>` : ''}
${noteField({ ...field('signal', 'note'), label: 'The order or fact behind it (optional)' })}`,
        'Record the signal',
      );
    },
    clearSignal: (signalId: string) => form(`clear:${signalId}`, `/signals/${signalId}/clear`, 'Clear the signal', reason(`clear:${signalId}`, 'Why it no longer applies'), 'Clear the signal'),
  };
}
