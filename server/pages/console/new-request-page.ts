// GET /console/requests/new: open a request on a subject's behalf, with the channel it came
// by and a note attesting how the subject's identity was checked (no code is mailed then).
import { REQUEST_TYPES } from '../../../domain/request-kinds';
import { STAFF_CHANNELS } from '../../staff/schemas';
import { html } from '../../../markup/html';
import { CORRECTABLE_FIELDS, messagesFor, residenceOptions } from '../i18n';
import { correctionField, purposeField } from '../form-input';
import { consolePage, csrfField, textFor, type ConsoleViewer } from './console-layout';
import { labelOf } from './console-text';
import { errorSummary, inputField, noteField, radioGroup, selectField, type FieldErrors } from './form-fields';
import type { NewRequestValues } from './new-request-form';
import { MANAGE_ACTIONS } from '../../../domain/manage';
import { MINOR_AGE_BANDS, MINOR_FILERS } from '../../../domain/minor';
import type { MapPurpose } from '../../../stores/data-map/purposes';

const EMPTY: NewRequestValues = { type: '', residence: '', email: '', corrections: {}, purposes: [], manageAction: '', channel: '', language: 'zh', evidenceNote: '', minorAgeBand: '', minorFiledBy: '' };
/** The minor's fieldset, in the staff member's language (PIPL art 31; the seed's section XIV). */
const MINOR_WORDS = {
  en: { legend: 'If the subject is under 18 (PIPL art 31)', band: 'Age band', filer: 'Who files', bands: { UNDER_14: 'Under 14', '14_TO_17': '14 to 17' }, filers: { SUBJECT: 'The subject', GUARDIAN: 'A guardian (your note says how you checked the guardianship)' } },
  zh: { legend: '如个人信息主体未满十八周岁（个人信息保护法第三十一条）', band: '年龄段', filer: '由谁提出', bands: { UNDER_14: '未满十四周岁', '14_TO_17': '十四至十七周岁' }, filers: { SUBJECT: '本人', GUARDIAN: '监护人（请在说明中写明如何核实监护关系）' } },
} as const;

/** The form, filled with `values` and showing `errors` (a fresh form without them). */
export function newRequestPage(viewer: ConsoleViewer, purposes: readonly MapPurpose[], values: NewRequestValues = EMPTY, errors: FieldErrors = {}): string {
  const lang = viewer.lang ?? 'en';
  const m = messagesFor(lang);
  const w = textFor(viewer).newRequest;
  const mw = MINOR_WORDS[lang === 'zh' ? 'zh' : 'en'];
  const corrections = CORRECTABLE_FIELDS.map((field) =>
    inputField({ name: correctionField(field), label: m.fields[field], value: values.corrections[field], maxLength: 200 }),
  );
  const body = html`<h1>${w.heading}</h1>
<p>${w.intro}</p>
${errorSummary(errors, textFor(viewer).messages.fields.summary)}
<form method="post" action="/console/requests" novalidate>
${csrfField(viewer)}
${radioGroup({ name: 'type', label: w.right, value: values.type, error: errors.type, options: REQUEST_TYPES.map((t) => [t, labelOf(w.rights, t)] as const) })}
<fieldset${errors.corrections ? html` aria-describedby="corrections-error"` : ''}><legend>${w.corrections}</legend>
${errors.corrections ? html`<p class="error" id="corrections-error">${errors.corrections}</p>` : ''}
${corrections}
</fieldset>
<fieldset${errors.manage ? html` aria-describedby="manage-error"` : ''}><legend>${w.manage}</legend>
${errors.manage ? html`<p class="error" id="manage-error">${errors.manage}</p>` : ''}
${purposes.map((p) => html`<label><input type="checkbox" name="${purposeField(p.id)}" value="on"${values.purposes.includes(p.id) ? html` checked` : ''}> ${p.label[lang === 'zh' ? 'zh' : 'en']}</label>`)}
${radioGroup({ name: 'manageAction', label: w.manageAction, value: values.manageAction, options: MANAGE_ACTIONS.map((a) => [a, m.manageActions[a]] as const) })}
</fieldset>
${selectField({ name: 'residence', label: w.residence, value: values.residence, error: errors.residence, options: residenceOptions(lang) })}
${inputField({ name: 'email', label: w.email, type: 'email', value: values.email, error: errors.email, maxLength: 254, hint: w.emailHint })}
${inputField({ name: 'phone', label: w.phone, type: 'tel', value: values.phone ?? '', error: errors.phone, maxLength: 32, hint: w.phoneHint })}
${inputField({ name: 'accountId', label: w.accountId, value: values.accountId ?? '', error: errors.accountId, maxLength: 64, hint: w.accountIdHint })}
${selectField({ name: 'language', label: w.replyLanguage, value: values.language, error: errors.language, options: [['zh', '中文 (Chinese)'], ['en', 'English']] })}
<fieldset${errors.minor ? html` aria-describedby="minor-error"` : ''}><legend>${mw.legend}</legend>
${errors.minor ? html`<p class="error" id="minor-error">${errors.minor}</p>` : ''}
${radioGroup({ name: 'minorAgeBand', label: mw.band, value: values.minorAgeBand, options: MINOR_AGE_BANDS.map((b) => [b, mw.bands[b]] as const) })}
${radioGroup({ name: 'minorFiledBy', label: mw.filer, value: values.minorFiledBy, options: MINOR_FILERS.map((f) => [f, mw.filers[f]] as const) })}
</fieldset>
${radioGroup({ name: 'channel', label: w.channel, value: values.channel, error: errors.channel, options: STAFF_CHANNELS.map((c) => [c, labelOf(w.channels, c)] as const) })}
${noteField({ name: 'evidenceNote', label: w.evidence, value: values.evidenceNote, error: errors.evidenceNote, hint: w.evidenceHint })}
<p><button type="submit">${w.submit}</button></p>
</form>`;
  return consolePage({ title: w.title, body, viewer });
}
