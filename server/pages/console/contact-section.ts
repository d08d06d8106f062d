// The subject's contact on the request page, for the staff whose work needs it: a button that
// posts (so the view is deliberate and audited), and the contact only in the answer to that post.
import { html, type Html } from '../../../markup/html';
import { csrfField, textFor, type ConsoleViewer } from './console-layout';
import type { SubjectContact } from '../../use-cases/subject-contact';

export function contactSection(viewer: ConsoleViewer, requestId: string, contact: SubjectContact | undefined): Html {
  const t = textFor(viewer);
  return html`<section aria-labelledby="contact-h"><h2 id="contact-h">${t.contact}</h2>
${
  contact
    ? html`<dl class="facts" id="subject-contact"><dt>${t.contactEmail}</dt><dd>${contact.email}</dd>${contact.phone ? html`<dt>${t.contactPhone}</dt><dd>${contact.phone}</dd>` : ''}</dl>
<p class="hint">${t.contactHint}</p>`
    : html`<form method="post" action="/console/requests/${requestId}/contact" class="inline">${csrfField(viewer)}<button type="submit" class="secondary">${t.showContact}</button></form>`
}</section>`;
}
