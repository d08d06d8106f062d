// The kinds of request the engine answers and the channels they arrive by.

export const REQUEST_TYPES = ['ACCESS', 'CORRECTION', 'DELETION', 'ACCOUNT_CLOSURE'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const CHANNELS = ['PORTAL', 'PHONE', 'EMAIL', 'IN_PERSON', 'API'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
