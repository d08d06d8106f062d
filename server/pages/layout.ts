// The frame every portal page shares: language, title, the language switch and a little
// inline style (the CSP allows inline styles, not inline scripts).
import type { Language } from '../../domain/request-kinds';
import { Html, html } from '../../markup/html';
import { messagesFor } from './i18n';

const STYLE = `
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;max-width:42rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1b1b1b}
header{display:flex;justify-content:space-between;align-items:baseline;border-bottom:1px solid #ccc;margin-bottom:1rem}
fieldset{border:1px solid #bbb;margin:0 0 1rem;padding:.5rem 1rem}
label{display:block;margin:.25rem 0}
input[type=email],input[type=text],select{font:inherit;padding:.4rem;width:100%;max-width:24rem;box-sizing:border-box}
button{font:inherit;padding:.4rem 1rem;margin:.25rem .5rem .25rem 0;cursor:pointer}
:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
.hint{color:#555;font-size:.9rem;margin:.1rem 0}
.error{color:#b00020;font-weight:600;margin:.1rem 0}
[aria-invalid=true]{border:2px solid #b00020}
.summary{border:2px solid #b00020;padding:.5rem 1rem;margin-bottom:1rem}
ol.steps{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none}
ol.steps li{border:1px solid #bbb;border-radius:1rem;padding:.2rem .8rem;color:#555}
ol.steps li.done{background:#e6f2e6;color:#1b1b1b}
ol.steps li[aria-current=step]{background:#1a5fb4;color:#fff;border-color:#1a5fb4;font-weight:600}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.notice{background:#f3f3f3;padding:.5rem 1rem;margin:1rem 0}
`;
// A constant of this file, so it is inserted as is.
const STYLE_SHEET = new Html(STYLE);

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
<style>${STYLE_SHEET}</style>
</head>
<body>
<header><p><strong>${t.portalTitle}</strong></p>
<p><a href="${opts.switchHref}" lang="${t.otherLanguage.lang === 'en' ? 'en' : 'zh-CN'}" hreflang="${t.otherLanguage.lang}">${t.otherLanguage.label}</a></p></header>
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
