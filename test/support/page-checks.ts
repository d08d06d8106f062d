// What every page of portal and console must not show a person: raw JSON (an object or an
// array of strings as text), staff as "staff:<uuid>", and no page may overflow a phone's width.
import type { Page } from 'playwright-core';

/** The visible text of the page. */
export const visibleText = (page: Page) => page.evaluate<string>('document.body.innerText');

/** Text that reads as JSON: `{"key":` or `["a",` or `[{`, as a serializer prints it. */
export const RAW_JSON = /\{\s*"[^"\n]*"\s*:|\[\s*"[^"\n]*"\s*,|\[\s*\{/;
/** An audit actor id as recorded, instead of the person's name. */
export const STAFF_ID = /staff:[0-9a-f]{8}-/i;

/** The problems of the page's visible text, empty when it is fine. */
export async function textProblems(page: Page): Promise<string[]> {
  const text = await visibleText(page);
  const problems: string[] = [];
  const json = RAW_JSON.exec(text);
  if (json) problems.push(`raw JSON near "${text.slice(Math.max(0, json.index - 40), json.index + 60)}"`);
  const staff = STAFF_ID.exec(text);
  if (staff) problems.push(`a staff id near "${text.slice(Math.max(0, staff.index - 40), staff.index + 60)}"`);
  return problems;
}

/** Whether the page is wider than its viewport (a table or a line running past the edge). */
export const overflowsViewport = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth + 1');

/** The outermost elements running past the right edge, as "tag.class#id", to say what overflows. */
export const overflowingElements = (page: Page) =>
  page.evaluate<string[]>(`[...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
    .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '') + (e.id ? '#' + e.id : ''))`);

/** A phone's viewport (an iPhone SE's CSS pixels). */
export const PHONE = { width: 375, height: 740 } as const;

/** Three or more English words in a row (a phrase or a sentence), e.g. "Mark partner-crm done". */
const ENGLISH_RUN = /[A-Za-z][A-Za-z'’-]*(?:[ \t,;:()]+[A-Za-z][A-Za-z'’-]*){2,}/g;

/** The English phrases left in the visible text and the title of a page that should be in
 *  another language: runs of three or more English words, once the `allowed` words (names,
 *  identifiers, a store's own error text) are taken out. Empty when none is left. */
export async function englishLeft(page: Page, allowed: readonly string[] = []): Promise<string[]> {
  let text = `${await page.title()}\n${await visibleText(page)}`;
  for (const words of allowed) text = text.split(words).join(' · ');
  return [...text.matchAll(ENGLISH_RUN)].map((m) => m[0]);
}
