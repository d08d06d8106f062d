// Shared shape of every message: both languages in one mail, the subject's own first.
// The controller's privacy policy says the Chinese text prevails (§XVI.3 "Version"), so both are always included.
import type { Language } from '../../domain/request-kinds';
import { html } from '../../markup/html';

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

export interface Bilingual {
  zh: { subject: string; paragraphs: string[] };
  en: { subject: string; paragraphs: string[] };
}

// A paragraph may hold a list, one item a line; HTML would otherwise run the lines together.
const paragraphHtml = (p: string) => html`<p>${p.split('\n').map((line, i) => (i === 0 ? line : html`<br>${line}`))}</p>`;

/** Renders a bilingual message, the subject's chosen language first. */
export function renderBilingual(content: Bilingual, language: Language): Rendered {
  const order: Language[] = language === 'zh' ? ['zh', 'en'] : ['en', 'zh'];
  const first = content[order[0]!];
  const text = order.map((l) => content[l].paragraphs.join('\n\n')).join('\n\n----\n\n');
  const body = order.map((l, i) => html`${i > 0 && html`<hr>`}<div lang="${l}">${content[l].paragraphs.map(paragraphHtml)}</div>`);
  return { subject: `${first.subject} / ${content[order[1]!].subject}`, text, html: html`<!doctype html><html><body>${body}</body></html>`.markup };
}
