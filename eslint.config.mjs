// ESLint, flat config, type-aware (typescript-eslint with the TypeScript project service):
// `npm run lint` runs it with zero warnings allowed. Why these rules and not others:
// docs/decisions.md "Habits".
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'out/', 'node_modules/', '.e2e/', '.vscode-test/', 'test/fixtures/', 'examples/', 'media/', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Control characters in patterns are the point: text is stripped of them before it is shown (docs/security.md).
      'no-control-regex': 'off',
      // Readers stringify YAML scalars and the renderer escapes `unknown` values on purpose; `[object Object]` would show in their tests.
      '@typescript-eslint/no-base-to-string': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    // Tests read the CLI's JSON and the server's answers as `any` and assert on them: the
    // assertions check what the types would. Mocha's `async` callbacks need no await.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-regex-spaces': 'off',
    },
  },
);
