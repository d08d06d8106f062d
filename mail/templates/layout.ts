// Shared shape of every message: both languages in one mail, the subject's own first.
// The controller's privacy policy says the Chinese text prevails (§XVI.3 "Version"), so both are always included.
import type { Language } from '../../domain/request-kinds';

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

export interface Bilingual {
  zh: { subject: string; paragraphs: string[] };
  en: { subject: string; paragraphs: string[] };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// A paragraph may hold a list, one item a line; HTML would otherwise run the lines together.
const paragraphHtml = (p: string) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`;

/** Renders a bilingual message, the subject's chosen language first. */
export function renderBilingual(content: Bilingual, language: Language): Rendered {
  const order: Language[] = language === 'zh' ? ['zh', 'en'] : ['en', 'zh'];
  const first = content[order[0]!];
  const text = order.map((l) => content[l].paragraphs.join('\n\n')).join('\n\n----\n\n');
  const html = order
    .map((l) => `<div lang="${l}">${content[l].paragraphs.map(paragraphHtml).join('')}</div>`)
    .join('<hr>');
  return { subject: `${first.subject} / ${content[order[1]!].subject}`, text, html: `<!doctype html><html><body>${html}</body></html>` };
}
