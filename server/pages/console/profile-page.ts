// GET /console/admin/profile: the controller profile in force, read-only, as staff check it
// against the privacy policy: who the controller is, where it acts under each regime, fees.
import type { LoadedProfile, ProfileText } from '../../../config/controller-profile';
import { regionKey, retentionPeriods } from '../../../policy';
import { html } from '../../../markup/html';
import { consolePage, type ConsoleViewer } from './console-layout';

const both = (t: ProfileText | undefined) => (t ? html`${t.zh} / ${t.en}` : '–');

/** The profile page. */
export function profilePage(viewer: ConsoleViewer, loaded: LoadedProfile): string {
  const p = loaded.profile;
  const c = p.controller;
  const regimes = Object.entries(p.regimes).map(
    ([key, offer]) => html`<tr><th scope="row">${key}${key === p.defaultRegime ? ' (default)' : ''}</th><td>${offer!.establishment.timeZone}</td><td>${regionKey(offer!.establishment.holidays)}</td><td>${offer!.fees.cost ? `${offer!.fees.cost.amount} ${offer!.fees.cost.currency}` : 'none'}</td></tr>`,
  );
  const residences = p.residences.map((r) => html`<li>${r.code} → ${r.regime}${r.label ? html` (form: ${both(r.label)})` : ''}</li>`);
  const body = html`<h1>Controller profile</h1>
<p>Read at start-up from <code>${loaded.file ?? '–'}</code>; digest <code id="profile-digest">${loaded.digest}</code> (recorded on each request at intake). Change the file and restart to change it.</p>
<dl>
<dt>Legal name</dt><dd id="profile-legal-name">${both(c.legalName)}</dd>
<dt>Hotline</dt><dd>${c.contact.hotline}</dd>
<dt>Address</dt><dd>${both(c.contact.address)}</dd>
<dt>Web</dt><dd>${c.contact.web}</dd>
${c.contact.email ? html`<dt>E-mail</dt><dd>${c.contact.email}</dd>` : ''}
<dt>Officer</dt><dd>${both(c.dpo.title)}: ${c.dpo.email}${c.dpo.phone ? `, ${c.dpo.phone}` : ''}</dd>
<dt>Privacy policy</dt><dd>${both(p.privacyPolicy.name)}, ${p.privacyPolicy.url}</dd>
<dt>Reply languages</dt><dd>${p.languages.reply.join(', ')} (${p.languages.prevailing} prevails)</dd>
<dt>Retention</dt><dd>access packages ${p.retention.accessPackagesDays} days; audit ${p.retention.auditDays} days; closed requests ${p.retention.closedRequestsDays} days; strangers who never verified ${retentionPeriods(p.retention).strangersDays} days; verification challenges ${retentionPeriods(p.retention).challengesDays} days; staff sessions at expiry</dd>
<dt>Branding</dt><dd>${both(p.branding.name)}, colour ${p.branding.colour}${p.branding.logoUrl ? `, logo ${p.branding.logoUrl}` : ''}</dd>
</dl>
<h2>Regimes offered</h2>
<table><thead><tr><th scope="col">Regime</th><th scope="col">Establishment time zone</th><th scope="col">Holiday calendar</th><th scope="col">Cost fee</th></tr></thead><tbody>${regimes}</tbody></table>
<h2>Residence → regime</h2><ul>${residences}</ul>`;
  return consolePage({ title: 'Controller profile', body, viewer });
}
