import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'build-data', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The core is shared by the browser worker, the CLI and the tests: no DOM, React, MapLibre or Node APIs.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'The core may not use React.' },
            { group: ['maplibre-gl', 'maplibre-gl/*'], message: 'The core may not use MapLibre.' },
            { group: ['zustand', 'zustand/*'], message: 'The core holds no UI state.' },
            { group: ['node:*', 'fs', 'path', 'url'], message: 'The core runs in the browser too: no Node APIs.' },
            { group: ['../ui/*', '../worker/*', '../cli/*'], message: 'The core depends on nothing outside it.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'location', 'HTMLElement', 'fetch'],
    },
  },
);
