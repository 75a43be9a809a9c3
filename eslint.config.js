import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layerImport = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['dist', 'dist-*/**', 'node_modules', 'test-results', 'playwright-report', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // src/core is pure TypeScript: it must run in Node, in workers and in the page alike.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layerImport(['**/platform/**', '**/platform'], 'core may not import platform code'),
            layerImport(['**/state/**', '**/state'], 'core may not import state stores'),
            layerImport(['**/app/**', '**/app'], 'core may not import UI code'),
            layerImport(['**/workers/**', '**/workers'], 'core may not import workers'),
            layerImport(['react', 'react-dom', 'zustand', 'idb', 'comlink'], 'core is framework-free'),
          ],
        },
      ],
    },
  },
);
