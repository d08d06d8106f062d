// GET /portal: the request form. Works without JavaScript; each error sits next to its
// field and is tied to it with aria-describedby.
import { REQUEST_TYPES, type Language } from '../../domain/request-kinds';
import { residenceLaws } from './residence-laws';
import { html, type Html } from '../../markup/html';
import { CORRECTABLE_FIELDS, messagesFor, residenceOptions } from './i18n';
import { MANAGE_ACTIONS } from '../../domain/manage';
import type { MapPurpose } from '../../stores/data-map/purposes';
import { correctionField, purposeField, type RequestFormErrors, type RequestFormValues } from './form-input';
import { page, withLang } from './layout';
import { activeProfile, type ControllerProfile } from '../../config/controller-profile';
import { registeredRecipients } from '../../config/portability-recipients';

// No residence chosen: the form shows the profile's first one.
const EMPTY: RequestFormValues = { type: '', residence: '', email: '', corrections: {}, purposes: [], manageAction: '' };

/** The error paragraph for a field, or nothing. */
const errorFor = (id: string, message: string | false) => (message ? html`<p class="error" id="${id}-error">${message}</p>` : '');

/** The request form, filled with `values` and showing `errors` (a fresh form without them);
 *  a manage request offers exactly the data map's `purposes`. */
export function requestFormPage(lang: Language, purposeList: readonly MapPurpose[], values: RequestFormValues = EMPTY, errors: RequestFormErrors = {}, profile: ControllerProfile = activeProfile().profile): string {
  const t = messagesFor(lang);
  const invalid = (field: keyof RequestFormErrors) => (errors[field] ? 'true' : 'false');
  const described = (field: keyof RequestFormErrors, ...more: string[]) => [...more, ...(errors[field] ? [`${field}-error`] : [])].join(' ') || false;
  const attr = (name: string, value: string | false) => (value ? html` ${name}="${value}"` : '');
  const hasErrors = Object.keys(errors).length > 0;

  const rights = REQUEST_TYPES.map(
    (type) => html`<label><input type="radio" name="type" value="${type}"${values.type === type ? html` checked` : ''}${
      errors.type ? html` aria-invalid="true"` : ''
    } required> ${t.rights[type]}</label>`,
  );
  const corrections = CORRECTABLE_FIELDS.map((field) => {
    const name = correctionField(field);
    return html`<label for="${name}">${t.fields[field]}</label>
<input type="text" id="${name}" name="${name}" maxlength="200" value="${values.corrections[field] ?? ''}" aria-invalid="${invalid('corrections')}"${attr(
      'aria-describedby',
      described('corrections'),
    )}>`;
  });
  const purposes = purposeList.map(
    (p) => html`<label><input type="checkbox" name="${purposeField(p.id)}" value="on"${values.purposes.includes(p.id) ? html` checked` : ''}${
      errors.manage ? html` aria-invalid="true"` : ''
    }> ${p.label[lang]}</label>`,
  );
  const actions = MANAGE_ACTIONS.map(
    (action) => html`<label><input type="radio" name="manageAction" value="${action}"${values.manageAction === action ? html` checked` : ''}> ${t.manageActions[action]}</label>`,
  );
  // Only recipients the controller registered can be chosen; without any, the field is not shown.
  const registered = registeredRecipients(profile);
  const recipients = [html`<option value="">${t.recipientNone}</option>`, ...registered.map((r) => html`<option value="${r.id}"${values.recipient === r.id ? html` selected` : ''}>${r.name[lang]}</option>`)];
  const recipientField =
    registered.length === 0
      ? ''
      : html`<label for="recipient">${t.recipient}</label>
<p class="hint" id="recipient-hint">${t.recipientHint}</p>
<select id="recipient" name="recipient" aria-invalid="${invalid('recipient')}"${attr('aria-describedby', described('recipient', 'recipient-hint'))}>${recipients}</select>
${errorFor('recipient', !!errors.recipient && t.errors.recipient)}`;
  const residences = residenceOptions(lang, profile).map(([code, label]) => html`<option value="${code}"${values.residence === code ? html` selected` : ''}>${label}</option>`);

  const body: Html = html`<h1>${t.portalTitle}</h1>
<p>${t.formIntro}</p>
${hasErrors ? html`<div class="summary" role="alert"><p>${t.errorSummary}</p></div>` : ''}
<form method="post" action="${withLang('/portal/requests', {}, lang)}" novalidate>
<fieldset${attr('aria-describedby', described('type'))}>
<legend>${t.right}</legend>
${errorFor('type', !!errors.type && t.errors.type)}
${rights}
</fieldset>
<fieldset${attr('aria-describedby', described('corrections'))}>
<legend>${t.corrections}</legend>
${errorFor('corrections', !!errors.corrections && t.errors.corrections)}
${corrections}
</fieldset>
<fieldset${attr('aria-describedby', described('manage'))}>
<legend>${t.manage}</legend>
${errorFor('manage', !!errors.manage && t.errors.manage)}
${purposes}
${actions}
<p class="hint">${t.manageHint}</p>
</fieldset>
${recipientField}
<label for="residence">${t.residence}</label>
<select id="residence" name="residence" aria-invalid="${invalid('residence')}"${attr('aria-describedby', described('residence'))}>${residences}</select>
${errorFor('residence', !!errors.residence && t.errors.residence)}
${residenceLaws(lang)}
<label for="email">${t.email}</label>
<p class="hint" id="email-hint">${t.emailHint}</p>
<input type="email" id="email" name="email" autocomplete="email" maxlength="254" required value="${values.email}" aria-invalid="${invalid('email')}"${attr(
    'aria-describedby',
    described('email', 'email-hint'),
  )}>
${errorFor('email', !!errors.email && t.errors.email)}
<fieldset>
<legend>${t.knownBy}</legend>
<label for="phone">${t.phone}</label>
<input type="tel" id="phone" name="phone" autocomplete="tel" maxlength="32" value="${values.phone ?? ''}" aria-invalid="${invalid('phone')}"${attr('aria-describedby', described('phone'))}>
${errorFor('phone', !!errors.phone && t.errors.phone)}
<label for="accountId">${t.accountId}</label>
<input type="text" id="accountId" name="accountId" maxlength="64" value="${values.accountId ?? ''}" aria-invalid="${invalid('accountId')}"${attr('aria-describedby', described('accountId'))}>
${errorFor('accountId', !!errors.accountId && t.errors.accountId)}
</fieldset>
<p><button type="submit">${t.submit}</button></p>
</form>`;
  return page(lang, { title: t.portalTitle, body, switchHref: withLang('/portal', {}, lang === 'en' ? 'zh' : 'en') });
}
