// Lint rules that protect the two things a reviewer cannot easily see: workflow code that
// must stay deterministic, and promises left floating.
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
);
