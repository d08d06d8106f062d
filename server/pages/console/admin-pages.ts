// The admin pages: staff accounts and roles (create, change role, disable) and the data map
// in read form. Usernames and display names of staff are shown; no subject data exists here.
import { STAFF_ROLES } from '../../staff/roles';
import type { DataMapView, StaffAccountRow } from '../../staff/console-schemas';
import type { FormFields } from '../form-input';
import { html } from '../../../markup/html';
import { consolePage, csrfField, textFor, type ConsoleViewer } from './console-layout';
import { labelOf } from './console-text';
import { errorSummary, inputField, selectField, type FieldErrors } from './form-fields';
import { formatInstant } from './format';


/** GET /console/admin/staff: every account, a form per account, and the form for a new one. */
export function staffAdminPage(
  viewer: ConsoleViewer,
  accounts: readonly StaffAccountRow[],
  opts: { flash?: string; values?: FormFields; errors?: FieldErrors; message?: string } = {},
): string {
  const t = textFor(viewer);
  const w = t.admin;
  const ROLE_OPTIONS = STAFF_ROLES.map((r) => [r, labelOf(t.roles, r)] as const);
  const errors = opts.errors ?? {};
  const v = opts.values ?? {};
  const rows = accounts.map(
    (a) => html`<tr><th scope="row">${a.username}</th><td>${a.displayName}</td><td>${labelOf(t.roles, a.role)}</td>
<td>${a.disabled ? w.disabled : a.lockedUntil ? w.lockedUntil(formatInstant(a.lockedUntil, t.lang)) : w.active}</td>
<td><form class="inline" method="post" action="/console/admin/staff/${a.staffId}" aria-label="${w.changeOf(a.username)}">${csrfField(viewer)}
<label for="role-${a.staffId}" class="visually-hidden">${w.roleOf(a.username)}</label>
<select id="role-${a.staffId}" name="role">${ROLE_OPTIONS.map(([value, label]) => html`<option value="${value}"${a.role === value ? html` selected` : ''}>${label}</option>`)}</select>
<label><input type="checkbox" name="disabled" value="yes"${a.disabled ? html` checked` : ''}> ${w.disable}</label>
${a.secondFactor ? html`<label><input type="checkbox" name="resetSecondFactor" value="yes"> ${w.resetCode}</label>` : ''}
<button type="submit">${w.save(a.username)}</button></form></td></tr>`,
  );
  const body = html`<h1>${w.staffTitle}</h1>
${opts.message ? html`<p class="summary error" role="alert">${opts.message}</p>` : ''}
<table><thead><tr><th scope="col">${w.username}</th><th scope="col">${w.name}</th><th scope="col">${w.role}</th><th scope="col">${w.state}</th><th scope="col">${w.change}</th></tr></thead>
<tbody>${rows}</tbody></table>
<h2>${w.newAccount}</h2>
${errorSummary(errors, t.messages.fields.summary)}
<form method="post" action="/console/admin/staff" novalidate>
${csrfField(viewer)}
${inputField({ name: 'username', label: w.username, value: v.username, error: errors.username, maxLength: 40, hint: w.usernameHint })}
${inputField({ name: 'displayName', label: w.displayName, value: v.displayName, error: errors.displayName, maxLength: 100 })}
${selectField({ name: 'role', label: w.role, value: v.role ?? 'agent', error: errors.role, options: ROLE_OPTIONS })}
${inputField({ name: 'password', label: w.firstPassword, type: 'password', error: errors.password, autocomplete: 'new-password', maxLength: 200, hint: w.firstPasswordHint })}
<p><button type="submit">${w.create}</button></p>
</form>`;
  return consolePage({ title: w.staffTitle, body, viewer, flash: opts.flash });
}

/** GET /console/admin/data-map: where the engine looks for personal data, store by store. */
export function dataMapPage(viewer: ConsoleViewer, view: DataMapView): string {
  const w = textFor(viewer).admin;
  const stores = view.stores.map(
    (s) => html`<section aria-labelledby="store-${s.name}"><h2 id="store-${s.name}">${s.name}</h2>
<p>${s.description ?? ''}</p>
<p>${w.storeFacts(s.kind, s.identityKey, s.connection ?? '–')} <strong>${s.state === 'connected' ? w.connected : s.state === 'unconnected' ? w.unconnected : w.connectionUnknown}</strong></p>
<table><thead><tr><th scope="col">${w.category}</th><th scope="col">${w.erasedBy}</th><th scope="col">${w.corrections}</th></tr></thead>
<tbody>${s.categories.map((c) => html`<tr><th scope="row">${c.name}</th><td>${c.erase}</td><td>${c.corrections ? w.yes : w.no}</td></tr>`)}</tbody></table></section>`,
  );
  const body = html`<h1>${w.dataMapTitle}</h1><p>${w.dataMapIntro}</p>${stores}`;
  return consolePage({ title: w.dataMapTitle, body, viewer });
}
