// The frame every console page shares: who is signed in, the links their role may follow,
// a sign-out button, and an optional flash message. Inline style only (the CSP bars scripts).
import type { StaffRole } from '../../staff/roles';
import { Html, html } from '../../../markup/html';
import { CSRF_FIELD } from './console-session';

const STYLE = new Html(`
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:72rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1b1b1b}
header{display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;align-items:center;border-bottom:1px solid #ccc;margin-bottom:1rem}
header nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0;margin:0}
fieldset{border:1px solid #bbb;margin:0 0 1rem;padding:.5rem 1rem}
label{display:block;margin:.25rem 0}
input[type=email],input[type=text],input[type=password],select,textarea{font:inherit;padding:.4rem;width:100%;max-width:32rem;box-sizing:border-box}
button{font:inherit;padding:.3rem .9rem;margin:.25rem .5rem .25rem 0;cursor:pointer}
:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
.hint{color:#555;font-size:.9rem;margin:.1rem 0}
.error{color:#b00020;font-weight:600;margin:.1rem 0}
[aria-invalid=true]{border:2px solid #b00020}
.summary{border:2px solid #b00020;padding:.5rem 1rem;margin-bottom:1rem}
.flash{background:#e6f2e6;border:1px solid #5a9a5a;padding:.5rem 1rem;margin:1rem 0}
.notice{background:#f3f3f3;padding:.5rem 1rem;margin:1rem 0}
.tabs{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
.tabs a{display:inline-block;border:1px solid #bbb;border-radius:1rem;padding:.1rem .8rem}
.tabs a[aria-current=page]{background:#1a5fb4;color:#fff;border-color:#1a5fb4}
details{margin:.5rem 0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
section{margin:1.5rem 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dt{font-weight:600}
dd{margin:0}
form.inline{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center}
form.inline label{display:inline}
form.inline select{width:auto}
.actions form{border-top:1px solid #eee;padding:.5rem 0}
`);

/** Who is signed in, as the frame needs it. */
export interface ConsoleViewer {
  displayName: string;
  role: StaffRole;
  csrfToken: string;
}

/** The links of the console by role, in the order they appear. */
export const CONSOLE_LINKS: ReadonlyArray<{ href: string; label: string; roles: readonly StaffRole[] }> = [
  { href: '/console/requests/new', label: 'Open a request', roles: ['agent', 'compliance', 'admin'] },
  { href: '/console/mine', label: 'My requests', roles: ['agent', 'compliance', 'admin'] },
  { href: '/console/queue', label: 'Review queue', roles: ['compliance'] },
  { href: '/console/admin/staff', label: 'Staff accounts', roles: ['admin'] },
  { href: '/console/admin/data-map', label: 'Data map', roles: ['admin', 'compliance'] },
  { href: '/console/admin/profile', label: 'Controller profile', roles: ['admin', 'compliance'] },
];

/** The hidden CSRF field every console form carries. */
export const csrfField = (viewer: ConsoleViewer) => html`<input type="hidden" name="${CSRF_FIELD}" value="${viewer.csrfToken}">`;

/** A complete console page. */
export function consolePage(opts: { title: string; body: Html; viewer?: ConsoleViewer; flash?: string; refreshSeconds?: number }): string {
  const { viewer } = opts;
  const links = viewer ? CONSOLE_LINKS.filter((l) => l.roles.includes(viewer.role)) : [];
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${opts.refreshSeconds ? html`<meta http-equiv="refresh" content="${opts.refreshSeconds}">` : ''}
<title>${opts.title} – DSR console</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p><strong><a href="/console">DSR console</a></strong></p>
${links.length > 0 ? html`<nav aria-label="Console"><ul>${links.map((l) => html`<li><a href="${l.href}">${l.label}</a></li>`)}</ul></nav>` : ''}
${
  viewer
    ? html`<form method="post" action="/console/logout"><span>${viewer.displayName} (${viewer.role})</span> ${csrfField(viewer)}<button type="submit">Sign out</button></form>`
    : ''
}
</header>
<main>
${opts.flash ? html`<p class="flash" role="status">${opts.flash}</p>` : ''}
${opts.body}
</main>
</body>
</html>`.markup;
}
