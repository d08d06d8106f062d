// The frame every portal page shares: language, title, the language switch and the one
// stylesheet of portal and console (Pico CSS and ours, served by the app: assets-routes.ts).
import type { Language } from '../../domain/request-kinds';
import { STYLESHEETS } from './assets/assets-routes';
import { html, type Html } from '../../markup/html';
import { messagesFor } from './i18n';

/** A complete page; `refreshSeconds` adds a meta refresh, for pages that follow a running procedure. */
export function page(lang: Language, opts: { title: string; body: Html; switchHref: string; refreshSeconds?: number }): string {
  const t = messagesFor(lang);
  return html`<!doctype html>
<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${opts.refreshSeconds ? html`<meta http-equiv="refresh" content="${opts.refreshSeconds}">` : ''}
<title>${opts.title}</title>
${STYLESHEETS.map((href) => html`<link rel="stylesheet" href="${href}">`)}
</head>
<body class="portal">
<header><nav><ul><li><strong>${t.portalTitle}</strong></li></ul>
<ul><li><a href="${opts.switchHref}" lang="${t.otherLanguage.lang === 'en' ? 'en' : 'zh-CN'}" hreflang="${t.otherLanguage.lang}">${t.otherLanguage.label}</a></li></ul></nav></header>
<main>
${opts.body}
</main>
</body>
</html>`.markup;
}

/** The same path with `lang` set, keeping every other query parameter (e.g. the status token). */
export function withLang(path: string, query: Record<string, string | undefined>, lang: Language): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && k !== 'lang') params.set(k, v);
  params.set('lang', lang);
  return `${path}?${params.toString()}`;
}
