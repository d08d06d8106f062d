// The kinds of request the engine answers and the channels they arrive by.

export const REQUEST_TYPES = ['ACCESS', 'CORRECTION', 'DELETION', 'ACCOUNT_CLOSURE', 'MANAGE', 'PORTABILITY'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** The requests that erase the subject's data and end with a deletion certificate. */
export const ERASURE_TYPES: readonly RequestType[] = ['DELETION', 'ACCOUNT_CLOSURE'];

/** OWN_MOTION: no one asked; compliance opened it (a child's data collected by mistake, domain/minor.ts). */
export const CHANNELS = ['PORTAL', 'PHONE', 'EMAIL', 'IN_PERSON', 'API', 'OWN_MOTION'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
