import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The core folders run in Node too (CLI, tests): they must never reach for the UI. */
const uiImports = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*'], message: 'The core is UI-free: the erd command runs it in Node.' },
    { group: ['**/store/**', '**/canvas/**', '**/panels/**', '**/app/**'], message: 'The core may not import the UI folders (see ARCHITECTURE.md).' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/{app,store,canvas,panels}/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/{model,ddl,proof,db,io,cli,layout}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', uiImports] },
  },
  {
    // The pure core is bundled into the page and the worker too: no node-postgres, no Node modules.
    files: ['src/{model,ddl,proof,io,layout}/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...uiImports.patterns, { group: ['pg', '**/db/index.ts', '**/db/postgresRunner.ts', 'node:*'], message: 'This code also runs in the browser: no node-postgres or Node modules here.' }] },
      ],
    },
  },
  {
    files: ['src/{app,store,canvas,panels}/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['pg', '**/db/index.ts', '**/db/postgresRunner.ts', '**/cli/**', 'node:*'], message: 'Browser code: import the PGlite runner directly (db/pgliteRunner.ts); node-postgres and Node modules do not run in a browser.' }] },
      ],
    },
  },
  {
    files: ['src/model/**/*.ts'],
    ignores: ['src/model/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...uiImports.patterns, { group: ['../ddl/**', '../proof/**', '../db/**', '../io/**', '../cli/**', '@electric-sql/*'], message: 'model/ imports nothing of ours.' }] },
      ],
    },
  },
  {
    // Diagram geometry without React (as excalidraw keeps its geometry package): the canvas, the app and the command line share it.
    files: ['src/layout/**/*.ts'],
    ignores: ['src/layout/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...uiImports.patterns, { group: ['../ddl/**', '../proof/**', '../db/**', '../io/**', '../cli/**', '@electric-sql/*'], message: 'layout/ imports model/ only.' }] },
      ],
    },
  },
);
