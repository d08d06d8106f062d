// Structured values (audit details, retained categories) as HTML lists for people, never as
// JSON: objects become term/description pairs with readable keys, arrays become lists.
import { html, type Html } from '../../../markup/html';
import { humanise } from './console-text';

/** "retainedCategories" → "Retained categories". */
const keyWords = (key: string) => humanise(key.replace(/([a-z0-9])([A-Z])/g, '$1 $2'));

/** Renders any JSON value as nested lists; scalars as text. */
export function valueView(value: unknown): Html | string {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value)) {
    if (value.length === 0) return '–';
    if (value.every((v) => v === null || typeof v !== 'object')) return value.map((v) => String(v)).join(', ');
    return html`<ul>${value.map((v) => html`<li>${valueView(v)}</li>`)}</ul>`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '–';
    return html`<dl class="kv">${entries.map(([k, v]) => html`<dt>${keyWords(k)}</dt><dd>${valueView(v)}</dd>`)}</dl>`;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
