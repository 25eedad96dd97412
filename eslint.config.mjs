// The linter over the element's JS (www/): the recommended rules, browser globals, ES modules.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    ignores: [
      'node_modules/',
      'tests/',
      'scripts/',
      'bench/',
      'target/',
      'pkg/',
      'pkg-first/',
      'pkg-validator/',
      'dist/',
    ],
  },
  js.configs.recommended,
  {
    files: ['www/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.browser },
    rules: {
      'no-unused-vars': ['error', { args: 'all', caughtErrors: 'none' }],
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
    },
  },
];
