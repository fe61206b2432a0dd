import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // lib/ is the pure core shared by the content script, the command line and the tests: standard
    // DOM and JavaScript only, nothing from the extension runtime, WXT or the UI layer.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['wxt', 'wxt/*', '#imports', '@wxt-dev/*', 'webextension-polyfill'], message: 'lib/ must not depend on the extension runtime.' },
          { group: ['preact', 'preact/*'], message: 'lib/ must not depend on the UI layer.' },
          { group: ['@/components/*', '@/entrypoints/*', '**/components/**', '**/entrypoints/**'], message: 'lib/ must not import from the layers above it.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'browser', message: 'lib/ must not use the extension API; take what you need as a parameter.' },
        { name: 'chrome', message: 'lib/ must not use the extension API; take what you need as a parameter.' },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@/entrypoints/*', '**/entrypoints/**'], message: 'components/ take props and call callbacks; wiring lives in entrypoints/.' }],
      }],
    },
  },
);
