// GET /console/admin/profile: the controller profile in force, read-only, as staff check it
// against the privacy policy: who the controller is, where it acts under each regime, fees.
import type { LoadedProfile, ProfileText } from '../../../config/controller-profile';
import { regionKey, retentionPeriods } from '../../../policy';
import { html } from '../../../markup/html';
import { consolePage, textFor, type ConsoleViewer } from './console-layout';

const both = (t: ProfileText | undefined) => (t ? html`${t.zh} / ${t.en}` : '–');

/** The profile page. */
export function profilePage(viewer: ConsoleViewer, loaded: LoadedProfile): string {
  const w = textFor(viewer).profile;
  const p = loaded.profile;
  const c = p.controller;
  const regimes = Object.entries(p.regimes).map(
    ([key, offer]) => html`<tr><th scope="row">${key}${key === p.defaultRegime ? ` (${w.defaultRegime})` : ''}</th><td>${offer!.establishment.timeZone}</td><td>${regionKey(offer!.establishment.holidays)}</td><td>${offer!.fees.cost ? `${offer!.fees.cost.amount} ${offer!.fees.cost.currency}` : w.none}</td></tr>`,
  );
  const residences = p.residences.map((r) => html`<li>${r.code} → ${r.regime}${r.label ? html` (${w.onTheForm}: ${both(r.label)})` : ''}</li>`);
  const body = html`<h1>${w.title}</h1>
<p>${w.readFrom} <code>${loaded.file ?? '–'}</code>; ${w.digestNote} <code id="profile-digest">${loaded.digest}</code> ${w.digestAfter}</p>
<dl>
<dt>${w.legalName}</dt><dd id="profile-legal-name">${both(c.legalName)}</dd>
<dt>${w.hotline}</dt><dd>${c.contact.hotline}</dd>
<dt>${w.address}</dt><dd>${both(c.contact.address)}</dd>
<dt>${w.web}</dt><dd>${c.contact.web}</dd>
${c.contact.email ? html`<dt>${w.email}</dt><dd>${c.contact.email}</dd>` : ''}
<dt>${w.officer}</dt><dd>${both(c.dpo.title)}: ${c.dpo.email}${c.dpo.phone ? `, ${c.dpo.phone}` : ''}</dd>
<dt>${w.policy}</dt><dd>${both(p.privacyPolicy.name)}, ${p.privacyPolicy.url}</dd>
<dt>${w.replyLanguages}</dt><dd>${p.languages.reply.join(', ')} (${w.prevails(p.languages.prevailing)})</dd>
<dt>${w.retention}</dt><dd>${w.retentionWords(p.retention.accessPackagesDays, p.retention.auditDays, p.retention.closedRequestsDays)}; ${w.retentionPurged(retentionPeriods(p.retention).strangersDays, retentionPeriods(p.retention).challengesDays)}</dd>
<dt>${w.branding}</dt><dd>${both(p.branding.name)}, ${w.colour} ${p.branding.colour}${p.branding.logoUrl ? `, ${w.logo} ${p.branding.logoUrl}` : ''}</dd>
</dl>
<h2>${w.regimes}</h2>
<table><thead><tr><th scope="col">${w.regime}</th><th scope="col">${w.timeZone}</th><th scope="col">${w.holidays}</th><th scope="col">${w.costFee}</th></tr></thead><tbody>${regimes}</tbody></table>
<h2>${w.residences}</h2><ul>${residences}</ul>`;
  return consolePage({ title: w.title, body, viewer });
}
