// Tests run TypeScript through SWC (no type-checking here: `npm run typecheck` does that).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    // otplib's audited base32 and HMAC plugins (@scure/base, @noble/hashes) ship as ES modules only;
    // Node 20 requires them natively, jest's module loader does not: SWC turns those into CommonJS.
    '^.+/node_modules/@(scure|noble)/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@scure/|@noble/)'],
  testTimeout: 120_000,
  setupFiles: ['<rootDir>/test/support/quiet-runtime.ts'],
};
