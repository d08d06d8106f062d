// The policy package's public face: regimes as data, holiday calendars, and the pure
// deadline arithmetic the request workflow calls.
export * from './access-package';
export * from './retention';
export * from './calendar-date';
export * from './deadline';
export * from './establishment';
export * from './holidays';
export * from './regime-policy';
export * from './regimes';
export * from './reminders';
export * from './time-zone';
export * from './working-days';
export * from './opt-out-verification';
