// The forms that organise the work on a request, for the people who work it: who owns it
// ("assign to me", "assign to someone") and internal notes. Plain posts with the CSRF field.
import { html, type Html } from '../../../markup/html';
import { csrfField, textFor, type ConsoleViewer } from './console-layout';
import { labelOf } from './console-text';
import { noteField } from './form-fields';
import type { ActionProblem } from './request-forms';

export interface Assignable {
  id: string;
  displayName: string;
  role: string;
}

/** The owner line and its two forms. */
export function ownerSection(viewer: ConsoleViewer, requestId: string, owner: string | undefined, staff: readonly Assignable[], canAssign: boolean): Html {
  const t = textFor(viewer);
  const base = `/console/requests/${requestId}/owner`;
  return html`<section aria-labelledby="owner-h"><h2 id="owner-h">${t.owner}</h2>
<p id="request-owner">${owner ?? t.unassigned}</p>
${
  canAssign
    ? html`<form method="post" action="${base}" class="inline">${csrfField(viewer)}<input type="hidden" name="owner" value="me"><button type="submit">${t.assignToMe}</button></form>
<form method="post" action="${base}" class="inline">${csrfField(viewer)}<label>${t.assignTo} <select name="owner">${staff.map(
        (s) => html`<option value="${s.id}">${s.displayName} (${labelOf(t.roles, s.role)})</option>`,
      )}</select></label><button type="submit" class="secondary">${t.assign}</button></form>`
    : ''
}</section>`;
}

/** A note as the page lists it. */
export interface NoteItem {
  at: string;
  who: string;
  text: string;
}

/** The internal notes, newest last, and the form for another. */
export function notesSection(viewer: ConsoleViewer, requestId: string, notes: readonly NoteItem[], when: (iso: string) => string, problem?: ActionProblem): Html {
  const t = textFor(viewer);
  const error = problem?.action === 'note' ? problem.errors.note : undefined;
  return html`<section aria-labelledby="notes-h"><h2 id="notes-h">${t.notes}</h2>
<p class="hint">${t.notesHint}</p>
${notes.length > 0 ? html`<ul id="notes">${notes.map((n) => html`<li><blockquote>${n.text}<footer>${n.who}, <time datetime="${n.at}">${when(n.at)}</time></footer></blockquote></li>`)}</ul>` : html`<p>${t.noNotes}</p>`}
<form method="post" action="/console/requests/${requestId}/notes" novalidate>${csrfField(viewer)}
${noteField({ id: 'note-text', name: 'note', label: t.noteLabel, value: problem?.action === 'note' ? problem.values.note : undefined, error })}
<button type="submit">${t.addNote}</button></form></section>`;
}
