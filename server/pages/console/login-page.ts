// GET /console/login: the sign-in form; a refusal (wrong password, locked account) is shown above it.
import { html } from '../html';
import { consolePage } from './console-layout';
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
