// How console pages write dates: staff read them in UTC, the time the audit trail keeps.

const DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const INSTANT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** "29 Dec 2026". */
export const formatDay = (iso: string) => DAY.format(new Date(iso));
/** "29 Nov 2026, 11:32 UTC". */
export const formatInstant = (iso: string) => `${INSTANT.format(new Date(iso))} UTC`;
