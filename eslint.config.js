// Lint rules that carry STYLE.md's dependency and safety rules; formatting is Prettier's job.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noEnums = { selector: 'TSEnumDeclaration', message: 'Use `const X = {…} as const` and a union instead of an enum.' };

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'test/test-results/**', 'server/src/web/demo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-syntax': ['error', noEnums],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['sdk/src/**/*.{ts,tsx}', 'server/src/**/*.ts'],
    // The loggers are the only way out to the console.
    ignores: ['**/*.test.{ts,tsx}', 'sdk/src/testing/**', 'server/src/testing/**', 'sdk/src/shared/logger.ts', 'server/src/http/logger.ts', 'server/src/banner.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // The SDK reaches the page only through shared/env, so SSR, workers and odd hosts never crash it.
    files: ['sdk/src/**/*.{ts,tsx}'],
    ignores: ['sdk/src/shared/env.ts', '**/*.test.{ts,tsx}', 'sdk/src/testing/**'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'history'],
    },
  },
  {
    // The ui chunk gets callbacks; it never sends anything itself.
    files: ['sdk/src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/transport/**', '**/bootstrap/**', '**/api/**'] }],
    },
  },
  {
    // Only config reads the environment.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/config/**', '**/*.test.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through config/.' }] },
  },
  {
    // The dashboard runs in the browser; only api/ touches the network, ui/ stays presentational.
    files: ['dashboard/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: { 'no-console': 'error' },
  },
  {
    files: ['dashboard/src/**/*.{ts,tsx}'],
    ignores: ['dashboard/src/api/**', '**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-globals': ['error', { name: 'fetch', message: 'Call the admin API through src/api.' }] },
  },
  {
    files: ['dashboard/src/ui/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/api/admin', '**/api/client', '**/shared/session'], message: 'ui/ is presentational: pass data in as props.' }] }] },
  },
  {
    files: ['dashboard/vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'sdk/scripts/**', 'server/scripts/**', 'test/**'],
    languageOptions: { globals: globals.node },
    // Playwright fixtures take `async ({}, use)`.
    rules: { 'no-console': 'off', 'no-empty-pattern': 'off' },
  },
);
