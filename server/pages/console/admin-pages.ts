// The admin pages: staff accounts and roles (create, change role, disable) and the data map
// in read form. Usernames and display names of staff are shown; no subject data exists here.
import { STAFF_ROLES } from '../../staff/roles';
import type { DataMapView, StaffAccountRow } from '../../staff/console-schemas';
import type { FormFields } from '../form-input';
import { html } from '../../../markup/html';
import { consolePage, csrfField, type ConsoleViewer } from './console-layout';
import { errorSummary, inputField, selectField, type FieldErrors } from './form-fields';
import { formatInstant } from './format';

const ROLE_OPTIONS = STAFF_ROLES.map((r) => [r, r] as const);

/** GET /console/admin/staff: every account, a form per account, and the form for a new one. */
export function staffAdminPage(
  viewer: ConsoleViewer,
  accounts: readonly StaffAccountRow[],
  opts: { flash?: string; values?: FormFields; errors?: FieldErrors; message?: string } = {},
): string {
  const errors = opts.errors ?? {};
  const v = opts.values ?? {};
  const rows = accounts.map(
    (a) => html`<tr><th scope="row">${a.username}</th><td>${a.displayName}</td><td>${a.role}</td>
<td>${a.disabled ? 'disabled' : a.lockedUntil ? html`active; after wrong passwords, sign-in waits until ${formatInstant(a.lockedUntil)}` : 'active'}</td>
<td><form class="inline" method="post" action="/console/admin/staff/${a.staffId}" aria-label="Change ${a.username}">${csrfField(viewer)}
<label for="role-${a.staffId}" class="visually-hidden">Role of ${a.username}</label>
<select id="role-${a.staffId}" name="role">${ROLE_OPTIONS.map(([value, label]) => html`<option value="${value}"${a.role === value ? html` selected` : ''}>${label}</option>`)}</select>
<label><input type="checkbox" name="disabled" value="yes"${a.disabled ? html` checked` : ''}> Disabled</label>
${a.secondFactor ? html`<label><input type="checkbox" name="resetSecondFactor" value="yes"> Reset sign-in code (lost phone)</label>` : ''}
<button type="submit">Save ${a.username}</button></form></td></tr>`,
  );
  const body = html`<h1>Staff accounts</h1>
${opts.message ? html`<p class="summary error" role="alert">${opts.message}</p>` : ''}
<table><thead><tr><th scope="col">Username</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">State</th><th scope="col">Change</th></tr></thead>
<tbody>${rows}</tbody></table>
<h2>New account</h2>
${errorSummary(errors)}
<form method="post" action="/console/admin/staff" novalidate>
${csrfField(viewer)}
${inputField({ name: 'username', label: 'Username', value: v.username, error: errors.username, maxLength: 40, hint: '3 to 40 characters: lower-case letters, digits, dot, dash, underscore.' })}
${inputField({ name: 'displayName', label: 'Display name', value: v.displayName, error: errors.displayName, maxLength: 100 })}
${selectField({ name: 'role', label: 'Role', value: v.role ?? 'agent', error: errors.role, options: ROLE_OPTIONS })}
${inputField({ name: 'password', label: 'First password', type: 'password', error: errors.password, autocomplete: 'new-password', maxLength: 200, hint: 'At least 12 characters; give it to the person by a separate channel.' })}
<p><button type="submit">Create the account</button></p>
</form>`;
  return consolePage({ title: 'Staff accounts', body, viewer, flash: opts.flash });
}

/** GET /console/admin/data-map: where the engine looks for personal data, store by store. */
export function dataMapPage(viewer: ConsoleViewer, view: DataMapView): string {
  const stores = view.stores.map(
    (s) => html`<section aria-labelledby="store-${s.name}"><h2 id="store-${s.name}">${s.name}</h2>
<p>${s.description ?? ''}</p>
<p>Kind: ${s.kind}. Found by: ${s.identityKey}. Connection: ${s.connection ?? '–'}. <strong>${s.state === 'connected' ? 'Connected' : s.state === 'unconnected' ? 'Not connected: not searched' : 'Connection unknown'}</strong></p>
<table><thead><tr><th scope="col">Category</th><th scope="col">Erased by</th><th scope="col">Corrections</th></tr></thead>
<tbody>${s.categories.map((c) => html`<tr><th scope="row">${c.name}</th><td>${c.erase}</td><td>${c.corrections ? 'yes' : 'no'}</td></tr>`)}</tbody></table></section>`,
  );
  const body = html`<h1>Data map</h1><p>Where the engine looks for a subject’s personal data (config/data-map.json).</p>${stores}`;
  return consolePage({ title: 'Data map', body, viewer });
}
