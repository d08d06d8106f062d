// Labelled form fields for console pages: each error sits next to its field and is tied to
// it with aria-describedby, and the value typed is kept.
import { html, type Html } from '../../../markup/html';

/** Messages by field name, for the fields that were refused. */
export type FieldErrors = Readonly<Partial<Record<string, string>>>;

interface FieldOptions {
  /** Unique on the page; defaults to the name. */
  id?: string;
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
}

const described = (id: string, o: FieldOptions) => [...(o.hint ? [`${id}-hint`] : []), ...(o.error ? [`${id}-error`] : [])].join(' ');
const aria = (id: string, o: FieldOptions) => {
  const by = described(id, o);
  return html`${o.error ? html` aria-invalid="true"` : ''}${by ? html` aria-describedby="${by}"` : ''}`;
};
const around = (id: string, o: FieldOptions, control: Html) =>
  html`<label for="${id}">${o.label}</label>
${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}${control}
${o.error ? html`<p class="error" id="${id}-error">${o.error}</p>` : ''}`;

/** A one-line text input (type text, email or password). */
export function inputField(o: FieldOptions & { type?: 'text' | 'email' | 'tel' | 'password'; maxLength?: number; autocomplete?: string; required?: boolean }): Html {
  const id = o.id ?? o.name;
  const control = html`<input type="${o.type ?? 'text'}" id="${id}" name="${o.name}" value="${o.type === 'password' ? '' : (o.value ?? '')}"${
    o.maxLength ? html` maxlength="${o.maxLength}"` : ''
  }${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.required ? html` required` : ''}${aria(id, o)}>`;
  return around(id, o, control);
}

/** A multi-line note (reasons, justifications, evidence). */
export function noteField(o: FieldOptions & { rows?: number; maxLength?: number }): Html {
  const id = o.id ?? o.name;
  return around(id, o, html`<textarea id="${id}" name="${o.name}" rows="${o.rows ?? 3}" maxlength="${o.maxLength ?? 2000}" required${aria(id, o)}>${o.value ?? ''}</textarea>`);
}

/** A drop-down of [value, label] pairs. */
export function selectField(o: FieldOptions & { options: ReadonlyArray<readonly [string, string]> }): Html {
  const id = o.id ?? o.name;
  const options = o.options.map(([value, label]) => html`<option value="${value}"${o.value === value ? html` selected` : ''}>${label}</option>`);
  return around(id, o, html`<select id="${id}" name="${o.name}"${aria(id, o)}>${options}</select>`);
}

/** Radio buttons in a fieldset whose legend names the choice. */
export function radioGroup(o: FieldOptions & { options: ReadonlyArray<readonly [string, string]> }): Html {
  const id = o.id ?? o.name;
  const radios = o.options.map(
    ([value, label]) =>
      html`<label><input type="radio" name="${o.name}" value="${value}"${o.value === value ? html` checked` : ''}${o.error ? html` aria-invalid="true"` : ''}> ${label}</label>`,
  );
  const by = described(id, o);
  return html`<fieldset${by ? html` aria-describedby="${by}"` : ''}><legend>${o.label}</legend>
${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}${o.error ? html`<p class="error" id="${id}-error">${o.error}</p>` : ''}
${radios}
</fieldset>`;
}

/** The "please correct" box above a form that came back with errors, in the words given. */
export const errorSummary = (errors: FieldErrors, summary: string) =>
  Object.keys(errors).length > 0 ? html`<div class="summary" role="alert"><p>${summary}</p></div>` : '';
