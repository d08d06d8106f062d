// GET /console/login: the sign-in form; a refusal (wrong password, locked account) is shown above it.
import { html } from '../../../markup/html';
import { CONSOLE_LINKS, consolePage, type ConsoleViewer } from './console-layout';
import { CSRF_FIELD } from './console-session';
import { inputField } from './form-fields';

/** The sign-in page, with the username kept and the refusal shown when there was one;
 *  `csrf` is the pre-session token also set as a cookie (login-csrf.ts). */
export function loginPage(opts: { csrf: string; username?: string; error?: string; flash?: string }): string {
  const body = html`<h1>Sign in</h1>
${opts.error ? html`<p class="error" role="alert" id="login-error">${opts.error}</p>` : ''}
<form method="post" action="/console/login" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${opts.csrf}">
${inputField({ name: 'username', label: 'Username', value: opts.username, autocomplete: 'username', maxLength: 64, required: true })}
${inputField({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', maxLength: 200, required: true })}
<p><button type="submit">Sign in</button></p>
</form>`;
  return consolePage({ title: 'Sign in', body, flash: opts.flash });
}

/** GET /console: what this role can do, as links. */
export function homePage(viewer: ConsoleViewer): string {
  const links = CONSOLE_LINKS.filter((l) => l.roles.includes(viewer.role));
  const body = html`<h1>Welcome, ${viewer.displayName}</h1>
<p>You are signed in as <strong>${viewer.role}</strong>.</p>
<ul>${links.map((l) => html`<li><a href="${l.href}">${l.label}</a></li>`)}</ul>`;
  return consolePage({ title: 'Console', body, viewer });
}
