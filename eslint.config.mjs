// One lint configuration for the whole repository: TypeScript everywhere, Svelte in the
// dashboard; Prettier owns the layout, so no stylistic rules here.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  {
    ignores: [
      '**/node_modules/',
      '**/build/',
      '**/dist/',
      '**/.svelte-kit/',
      '**/.turbo/',
      'prisma/generated/',
      'tests/artifacts/',
      'tests/build/',
      'data/analytics/',
      'dashboard/src/lib/api/openapi.d.ts',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a parameter kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The backend serves the dashboard at the origin's root, always (no base path): resolve()
      // around every link would add nothing.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    // Tests read JSON answers loosely (`body.rows[0].value`); their assertions are the types.
    files: ['tests/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
);
