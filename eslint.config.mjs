// Lint rules that protect what a reviewer cannot easily see: workflow code that must stay
// deterministic, promises left floating, and the one typed boundary to the engine's own rows.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['node_modules/', 'generated/', '.tools/', '.data/', 'test-output/', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, '@prisma/client', 'nodemailer', 'pg'].map((name) => ({
            name,
            message: 'Workflow code must stay deterministic: do side effects in activities.',
          })),
          patterns: [{ group: ['**/generated/**', '**/db/**', '**/mail/**'], message: 'Workflow code must not reach the database or mail.' }],
        },
      ],
    },
  },
  {
    // Request, audit, store-task and challenge rows are read and written through db/records
    // alone, which hands back the domain's types (issue 18): a query anywhere else would
    // bring the untyped text and JSON back.
    files: ['{activities,access-package,app,config,crypto,db,domain,drp,legal,mail,markup,policy,retention,server,stores,temporal,workflows}/**/*.ts', 'worker.ts'],
    ignores: ['db/records/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(dsrRequest|auditEvent|storeTask|verificationChallenge)$/]',
          message: 'Read and write request, audit, store-task and challenge rows through db/records, which returns typed records.',
        },
      ],
    },
  },
);
