// typescript-eslint's recommended type-aware-free rules over every TypeScript source.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.test-host/**',
      '.stryker-tmp/**',
      'reports/**',
      'server/src/service/schema/generated/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The language service runs in the server and the CLI: it must not depend on the editor or the transport.
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['vscode', 'vscode-languageserver', 'vscode-languageserver/node'], patterns: ['vscode-languageserver/*'] },
      ],
    },
  },
);
