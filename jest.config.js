// Tests run TypeScript through SWC (no type-checking here: `npm run typecheck` does that).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    // openid-client and its two dependencies, and otplib's audited base32 and HMAC plugins
    // (@scure/base, @noble/hashes), ship as ES modules only; Node 20 loads them (require of ESM),
    // but jest's own module loader does not, so they are compiled to CommonJS for the tests.
    '^.+/node_modules/(openid-client|oauth4webapi|jose|@scure|@noble)/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose|@scure|@noble)/)'],
  testTimeout: 120_000,
  // A whole run is split into lanes of about equal seconds (scripts/test-lanes.sh).
  testSequencer: '<rootDir>/test/lanes/lane-sequencer.js',
  setupFiles: ['<rootDir>/test/support/quiet-runtime.ts'],
};
