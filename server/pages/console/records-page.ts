// GET /console/requests/:id/certificate and /console/requests/:id/package: the deletion
// certificate and the access package's manifest as pages for staff, one click from the request:
// per store what went, what was kept and on what basis; per category how many records went to
// the subject. Counts, names and reasons only: the certificate and the manifest hold no values.
import type { CertificateView } from '../../use-cases/deletion-certificate';
import { html, type Html } from '../../../markup/html';
import { consolePage, textFor, type ConsoleViewer } from './console-layout';
import { labelOf, type ConsoleText } from './console-text';
import { formatInstant } from './format';
import { noteWords } from './engine-reasons';

/** The manifest as stored with the package (AccessPackage.contents) and its lifecycle. */
export interface ManifestView {
  requestId: string;
  createdAt: Date;
  expiresAt: Date;
  downloads: number;
  purgedAt: Date | null;
  rowCount: number;
  contents: ReadonlyArray<{ store: string; category: string; records: number; columns?: string[] }>;
}

const back = (t: ConsoleText, requestId: string) => html`<p><a href="/console/requests/${requestId}">${t.records.back(requestId.slice(0, 8))}</a></p>`;

type Retained = CertificateView['body']['stores'][number]['retained'][number];
function keptWords(t: ConsoleText, kept: readonly Retained[]): Html | string {
  if (kept.length === 0) return '–';
  return html`<ul>${kept.map((k) => html`<li><strong>${k.category}</strong>: ${k.records} (${labelOf(t.records.reasons, k.reason)}: ${k.basis})</li>`)}</ul>`;
}

export function certificatePage(viewer: ConsoleViewer, c: CertificateView): string {
  const t = textFor(viewer);
  const r = t.records;
  const rows = c.body.stores.map(
    (s) => html`<tr><th scope="row">${s.store}</th><td>${labelOf(r.search, s.search ?? 'SEARCHED')}${s.notSearchedReason ? html` <span class="hint">(${s.notSearchedReason})</span>` : ''}</td>
<td>${s.erased}</td><td>${s.anonymised}</td><td>${keptWords(t, s.retained)}</td><td>${labelOf(r.settledBy, s.settledBy)}${s.justification ? html` <span class="hint">(${noteWords(t.lang, s.justification)})</span>` : ''}</td></tr>`,
  );
  const body = html`<h1>${r.certificateTitle(c.requestId.slice(0, 8))}</h1>
${back(t, c.requestId)}
<dl class="facts">
<dt>${r.issued}</dt><dd>${formatInstant(c.issuedAt, t.lang)}</dd>
<dt>${r.completedOn}</dt><dd>${c.body.completedOn}</dd>
<dt>${t.columns.type}</dt><dd>${labelOf(t.type, c.body.requestType)}</dd>
<dt>${t.columns.regime}</dt><dd>${labelOf(t.regime, c.body.regime)}</dd>
<dt>${r.totals}</dt><dd id="certificate-totals">${r.totalsWords(c.body.totals)}</dd>
<dt>${r.digest}</dt><dd><code>${c.digest}</code></dd>
</dl>
<div class="table-wrap"><table id="certificate-stores"><thead><tr><th scope="col">${t.store}</th><th scope="col">${r.searched}</th><th scope="col">${r.erased}</th><th scope="col">${r.anonymised}</th><th scope="col">${t.retained}</th><th scope="col">${t.settled}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
  return consolePage({ title: r.certificateTitle(c.requestId.slice(0, 8)), body, viewer });
}

export function manifestPage(viewer: ConsoleViewer, m: ManifestView): string {
  const t = textFor(viewer);
  const r = t.records;
  const rows = m.contents.map(
    (c) => html`<tr><th scope="row">${c.store}</th><td>${c.category}</td><td>${c.records}</td><td>${c.columns && c.columns.length > 0 ? c.columns.join(', ') : '–'}</td></tr>`,
  );
  const body = html`<h1>${r.manifestTitle(m.requestId.slice(0, 8))}</h1>
${back(t, m.requestId)}
<dl class="facts">
<dt>${r.built}</dt><dd>${formatInstant(m.createdAt.toISOString(), t.lang)}</dd>
<dt>${r.linkExpires}</dt><dd>${formatInstant(m.expiresAt.toISOString(), t.lang)}</dd>
<dt>${r.downloads}</dt><dd id="package-downloads">${m.downloads}</dd>
<dt>${r.rows}</dt><dd>${m.rowCount}</dd>
${m.purgedAt ? html`<dt>${r.purged}</dt><dd>${formatInstant(m.purgedAt.toISOString(), t.lang)}</dd>` : ''}
</dl>
<div class="table-wrap"><table id="manifest-contents"><thead><tr><th scope="col">${t.store}</th><th scope="col">${r.category}</th><th scope="col">${t.processed}</th><th scope="col">${r.columns}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
  return consolePage({ title: r.manifestTitle(m.requestId.slice(0, 8)), body, viewer });
}
