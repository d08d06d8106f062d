// The frame every console page shares: the stylesheets (Pico and ours, served by the app),
// who is signed in, the links their role may follow, their language, a sign-out button and an
// optional flash message. The words follow the staff member's language (console-text.ts).
import type { StaffRole } from '../../staff/roles';
import { STYLESHEETS } from '../assets/assets-routes';
import { html, type Html } from '../../../markup/html';
import { consoleText, type ConsoleLanguage, type ConsoleText } from './console-text';
import { CSRF_FIELD } from './console-session';

/** Who is signed in, as the frame needs it. */
export interface ConsoleViewer {
  staffId?: string;
  displayName: string;
  role: StaffRole;
  /** The console's language for this person; English when unknown (sign-in page). */
  lang?: ConsoleLanguage;
  csrfToken: string;
}

/** The links of the console by role, in the order they appear. */
export const CONSOLE_LINKS: ReadonlyArray<{ href: string; label: keyof ConsoleText['nav']; roles: readonly StaffRole[] }> = [
  { href: '/console', label: 'dashboard', roles: ['agent', 'compliance', 'admin'] },
  { href: '/console/requests/new', label: 'open', roles: ['agent', 'compliance', 'admin'] },
  { href: '/console/mine', label: 'mine', roles: ['agent', 'compliance', 'admin'] },
  { href: '/console/queue', label: 'queue', roles: ['compliance'] },
  { href: '/console/admin/staff', label: 'staff', roles: ['admin'] },
  { href: '/console/admin/data-map', label: 'dataMap', roles: ['admin', 'compliance'] },
  { href: '/console/admin/profile', label: 'profile', roles: ['admin', 'compliance'] },
];

/** The hidden CSRF field every console form carries. */
export const csrfField = (viewer: ConsoleViewer) => html`<input type="hidden" name="${CSRF_FIELD}" value="${viewer.csrfToken}">`;

/** The viewer's words. */
export const textFor = (viewer: ConsoleViewer | undefined) => consoleText(viewer?.lang ?? 'en');

/** The other language, offered as one button that stores the choice on the staff account. */
function languageSwitch(viewer: ConsoleViewer): Html {
  const other = viewer.lang === 'zh' ? { code: 'en', label: 'English', lang: 'en' } : { code: 'zh', label: '中文', lang: 'zh-CN' };
  return html`<form method="post" action="/console/language" class="inline">${csrfField(viewer)}<input type="hidden" name="language" value="${other.code}"><button type="submit" class="secondary outline" lang="${other.lang}">${other.label}</button></form>`;
}

/** A complete console page. */
export function consolePage(opts: { title: string; body: Html; viewer?: ConsoleViewer; flash?: string; refreshSeconds?: number; lang?: ConsoleLanguage }): string {
  const { viewer } = opts;
  // Pages before sign-in have no viewer: their language is the remembered one (console-language.ts).
  const t = viewer ? textFor(viewer) : consoleText(opts.lang ?? 'en');
  const links = viewer ? CONSOLE_LINKS.filter((l) => l.roles.includes(viewer.role)) : [];
  return html`<!doctype html>
<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${opts.refreshSeconds ? html`<meta http-equiv="refresh" content="${opts.refreshSeconds}">` : ''}
<title>${opts.title} – ${t.consoleTitle}</title>
${STYLESHEETS.map((href) => html`<link rel="stylesheet" href="${href}">`)}
</head>
<body class="console">
<header>
<nav aria-label="Console">
<ul><li><a href="/console" class="brand">${t.consoleTitle}</a></li></ul>
${links.length > 0 ? html`<ul>${links.map((l) => html`<li><a href="${l.href}">${t.nav[l.label]}</a></li>`)}</ul>` : ''}
</nav>
${
  viewer
    ? html`<nav aria-label="Account"><ul><li>${viewer.displayName} (${t.roles[viewer.role] ?? viewer.role})</li><li>${languageSwitch(viewer)}</li>
<li><form method="post" action="/console/logout" class="inline">${csrfField(viewer)}<button type="submit" class="secondary">${t.signOut}</button></form></li></ul></nav>`
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
