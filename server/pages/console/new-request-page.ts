// GET /console/requests/new: open a request on a subject's behalf, with the channel it came
// by and a note attesting how the subject's identity was checked (no code is mailed then).
import { REQUEST_TYPES } from '../../../domain/request-kinds';
import { STAFF_CHANNELS } from '../../staff/schemas';
import { html } from '../../../markup/html';
import { CORRECTABLE_FIELDS, messagesFor, residenceOptions } from '../i18n';
import { correctionField, purposeField } from '../form-input';
import { consolePage, csrfField, type ConsoleViewer } from './console-layout';
import { errorSummary, inputField, noteField, radioGroup, selectField, type FieldErrors } from './form-fields';
import type { NewRequestValues } from './new-request-form';
import { MANAGE_ACTIONS } from '../../../domain/manage';
import { MINOR_AGE_BANDS, MINOR_FILERS } from '../../../domain/minor';
import { PURPOSE_NAMES } from '../../../stores/manageable-purposes';

const EMPTY: NewRequestValues = { type: '', residence: '', email: '', corrections: {}, purposes: [], manageAction: '', channel: '', language: 'zh', evidenceNote: '', minorAgeBand: '', minorFiledBy: '' };
const AGE_BANDS = { UNDER_14: 'Under 14', '14_TO_17': '14 to 17' } as const;
const FILERS = { SUBJECT: 'The subject', GUARDIAN: 'A guardian (your note says how you checked the guardianship)' } as const;
const RIGHTS = { ACCESS: 'Access (a copy of the data)', CORRECTION: 'Correction', DELETION: 'Deletion', ACCOUNT_CLOSURE: 'Account closure', MANAGE: 'Manage (withdraw consent, restrict, object)', PORTABILITY: 'Portability (data provided, to the subject or a registered recipient)' } as const;
const CHANNELS = { PHONE: 'Phone', EMAIL: 'E-mail', IN_PERSON: 'In person' } as const;

/** The form, filled with `values` and showing `errors` (a fresh form without them). */
export function newRequestPage(viewer: ConsoleViewer, values: NewRequestValues = EMPTY, errors: FieldErrors = {}): string {
  const en = messagesFor('en');
  const corrections = CORRECTABLE_FIELDS.map((field) =>
    inputField({ name: correctionField(field), label: en.fields[field], value: values.corrections[field], maxLength: 200 }),
  );
  const body = html`<h1>Open a request for a subject</h1>
<p>For a request made by phone, e-mail or in person. Your note attests the subject’s identity, so no code is mailed.</p>
${errorSummary(errors)}
<form method="post" action="/console/requests" novalidate>
${csrfField(viewer)}
${radioGroup({ name: 'type', label: 'Right', value: values.type, error: errors.type, options: REQUEST_TYPES.map((t) => [t, RIGHTS[t]] as const) })}
<fieldset${errors.corrections ? html` aria-describedby="corrections-error"` : ''}><legend>For a correction: the new values</legend>
${errors.corrections ? html`<p class="error" id="corrections-error">${errors.corrections}</p>` : ''}
${corrections}
</fieldset>
<fieldset${errors.manage ? html` aria-describedby="manage-error"` : ''}><legend>For a manage request: the uses and what the subject wants</legend>
${errors.manage ? html`<p class="error" id="manage-error">${errors.manage}</p>` : ''}
${PURPOSE_NAMES.map((p) => html`<label><input type="checkbox" name="${purposeField(p)}" value="on"${values.purposes.includes(p) ? html` checked` : ''}> ${en.purposes[p]}</label>`)}
${radioGroup({ name: 'manageAction', label: 'Action', value: values.manageAction, options: MANAGE_ACTIONS.map((a) => [a, en.manageActions[a]] as const) })}
</fieldset>
${selectField({ name: 'residence', label: 'Where the subject lives (picks the regime)', value: values.residence, error: errors.residence, options: residenceOptions('en') })}
${inputField({ name: 'email', label: 'Subject’s e-mail address', type: 'email', value: values.email, error: errors.email, maxLength: 254, hint: 'Replies go to this address.' })}
${inputField({ name: 'phone', label: 'Telephone number (optional)', type: 'tel', value: values.phone ?? '', error: errors.phone, maxLength: 32, hint: 'With its country code; stores that know the subject by it are searched by it too.' })}
${inputField({ name: 'accountId', label: 'Customer or account id (optional)', value: values.accountId ?? '', error: errors.accountId, maxLength: 64, hint: 'As our systems write it.' })}
${selectField({ name: 'language', label: 'Language of the replies', value: values.language, error: errors.language, options: [['zh', '中文 (Chinese)'], ['en', 'English']] })}
<fieldset${errors.minor ? html` aria-describedby="minor-error"` : ''}><legend>If the subject is under 18 (PIPL art 31)</legend>
${errors.minor ? html`<p class="error" id="minor-error">${errors.minor}</p>` : ''}
${radioGroup({ name: 'minorAgeBand', label: 'Age band', value: values.minorAgeBand, options: MINOR_AGE_BANDS.map((b) => [b, AGE_BANDS[b]] as const) })}
${radioGroup({ name: 'minorFiledBy', label: 'Who files', value: values.minorFiledBy, options: MINOR_FILERS.map((f) => [f, FILERS[f]] as const) })}
</fieldset>
${radioGroup({ name: 'channel', label: 'Channel', value: values.channel, error: errors.channel, options: STAFF_CHANNELS.map((c) => [c, CHANNELS[c]] as const) })}
${noteField({ name: 'evidenceNote', label: 'Evidence of identity', value: values.evidenceNote, error: errors.evidenceNote, hint: 'How you established who the subject is, e.g. which documents you checked. Kept in the audit trail; do not copy document numbers.' })}
<p><button type="submit">Open the request</button></p>
</form>`;
  return consolePage({ title: 'Open a request', body, viewer });
}
