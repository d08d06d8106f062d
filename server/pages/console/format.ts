// How console pages write dates, in the staff member's language: staff read them in UTC, the
// time the audit trail keeps.
import type { ConsoleLanguage } from './console-text';

const LOCALE: Record<ConsoleLanguage, string> = { en: 'en-GB', zh: 'zh-CN' };
const DAY = (lang: ConsoleLanguage) => new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeZone: 'UTC' });
const INSTANT = (lang: ConsoleLanguage) => new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const FORMATS = { en: { day: DAY('en'), instant: INSTANT('en') }, zh: { day: DAY('zh'), instant: INSTANT('zh') } };

/** "29 Dec 2026" / "2026年12月29日". */
export const formatDay = (iso: string, lang: ConsoleLanguage = 'en') => FORMATS[lang].day.format(new Date(iso));
/** "29 Nov 2026, 11:32 UTC" / "2026年11月29日 11:32 UTC". */
export const formatInstant = (iso: string, lang: ConsoleLanguage = 'en') => `${FORMATS[lang].instant.format(new Date(iso))} UTC`;
