// The console's words in English and Chinese, chosen per staff account (StaffAccount.language).
// Codes (statuses, types, regimes, channels, audit actions) are shown through label maps:
// a new request type or status is one entry in each language's file (console-text-en.ts, -zh.ts);
// an unknown code falls back to readable words.
import type { Language } from '../../../domain/request-kinds';
import type { Labels } from './console-labels';
import { en, type ConsoleText } from './console-text-en';
import { zh } from './console-text-zh';

export type ConsoleLanguage = Language;

/** "AWAITING_DECISION" → "Awaiting decision": the fallback for a code no map names yet. */
export const humanise = (code: string) => {
  const words = code.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};


export type { ConsoleText } from './console-text-en';

/** The console's words in the staff member's language. */
export const consoleText = (lang: ConsoleLanguage): ConsoleText => (lang === 'zh' ? zh : en);

/** A code's label from a map, or the code in readable words when the map does not name it yet. */
export const labelOf = (labels: Labels, code: string | null | undefined): string => (code ? (labels[code] ?? humanise(code)) : '–');
