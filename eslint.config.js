import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// What may import what is checked by dependency-cruiser (.dependency-cruiser.cjs), also in `npm run lint`.
export default tseslint.config(
  { ignores: ['dist', 'dist-cli*', 'node_modules', 'test-results', 'playwright-report', '.cache', '.lead'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `'../ddl'` hides which file is meant (and Node's ESM cannot resolve it): name the file, `'../ddl/index.ts'`.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.{1,2}(/[^/]+)*/[^/.]+/?$|^\\.{1,2}/?$',
              message: 'Name the file, with its extension (for example ../ddl/index.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/{app,store,keeping,canvas,panels}/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
