import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { oneWayFoldersRule } from './tests/architecture/folder-imports.mjs';

/** Imports that would point the wrong way: client -> shared <- server, features -> store/auth. */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test-results/', 'playwright-report/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: a promise nobody awaits or catches can end the process with an unhandled rejection.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      { group: ['**/server/**', '**/client/**'], message: 'shared/ is imported by both sides and imports neither.' },
      { group: ['node:*', 'better-sqlite3', 'pg', 'ioredis', 'ws', 'pino', 'hono', 'hono/*', 'lit', 'lit/*'], message: 'shared/ has no I/O, no DOM framework and no Node APIs.' },
    ]),
  },
  {
    files: ['client/**/*.ts'],
    rules: restrict([{ group: ['**/server/**', 'node:*'], message: 'The client talks to the server over HTTP and websockets only.' }]),
  },
  {
    // The letter session is what editor/, signoff/, comments/ and letters/ build on: it imports none of the client's features.
    files: ['client/sync/**/*.ts'],
    rules: restrict([
      { group: ['**/server/**', 'node:*'], message: 'The client talks to the server over HTTP and websockets only.' },
      { regex: '^\\.\\./(?!i18n/)[^.]', message: 'client/sync imports only shared/, the i18n helpers and its own files: the features import it, not the other way round.' },
    ]),
  },
  {
    files: ['server/store/**/*.ts', 'server/auth/**/*.ts', 'server/http/**/*.ts'],
    rules: restrict([
      {
        group: ['**/sync/**', '**/letters/**', '**/workspace/**', '**/app.js', '**/main.js'],
        message: 'Features use store/, auth/ and http/; never the other way round.',
      },
    ]),
  },
  {
    // No two feature folders of the server import each other (sync and history, say): dependencies point one way.
    files: ['server/**/*.ts'],
    plugins: { jointly: { rules: { 'one-way-folders': oneWayFoldersRule } } },
    rules: { 'jointly/one-way-folders': 'error' },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/main.ts'],
    rules: restrict([{ group: ['**/main.js'], message: 'Only main.ts knows everything; nothing imports it.' }]),
  },
);
