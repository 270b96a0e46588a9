import tseslint from 'typescript-eslint';
import globals from 'globals';

const impureCalls = [
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'The engine is pure: wall-clock time arrives as data (the `at` stamped by the server).',
  },
  {
    selector: "NewExpression[callee.name='Date']",
    message: 'The engine is pure: wall-clock time arrives as data (the `at` stamped by the server).',
  },
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: 'The engine is pure: use the seeded dice in engine/src/dice.',
  },
  {
    selector: "MemberExpression[object.name='performance'][property.name='now']",
    message: 'The engine is pure: no clocks.',
  },
];
const timerGlobals = [
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'queueMicrotask',
  'requestAnimationFrame',
  'process',
  'Buffer',
  'require',
].map((name) => ({ name, message: 'The engine is pure: no timers, no Node globals.' }));

// Each package is used through its package.json `exports`, never through its files: an import of another
// package's /src/ path, or a relative path climbing out of one package into another, bypasses that contract.
const crossPackage = [
  {
    group: ['@chaos-quest/*/src', '@chaos-quest/*/src/**'],
    message:
      'Import another package through its exports (`@chaos-quest/engine`, `@chaos-quest/engine/client`), never its /src/ files.',
  },
  {
    regex: '^(\\.\\./)+(engine|server|client)(/|$)',
    message: 'A relative path into another package bypasses its exports: import `@chaos-quest/<package>` instead.',
  },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'tests/artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object and a derived union.' },
        { selector: 'TSModuleDeclaration[kind="namespace"]', message: 'No namespaces.' },
      ],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['{engine,server,client}/**/*.{ts,tsx,js,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: crossPackage }] },
  },
  {
    files: ['engine/src/**/*.ts'],
    ignores: ['engine/src/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-syntax': [
        'error',
        ...impureCalls,
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object and a derived union.' },
      ],
      'no-restricted-globals': ['error', ...timerGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'net'],
              message: 'The engine does no I/O.',
            },
            {
              group: ['socket.io', 'socket.io-client', 'react', 'react-dom', 'better-sqlite3', 'fastify'],
              message: 'The engine never imports transport, storage or UI.',
            },
            {
              group: ['@chaos-quest/server', '@chaos-quest/client'],
              message: 'Dependencies point one way: server and client depend on the engine.',
            },
            ...crossPackage,
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@chaos-quest/server', '**/server/**'], message: 'The client never imports the server.' },
            ...crossPackage,
          ],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@chaos-quest/engine',
              allowTypeImports: true,
              message:
                'The engine barrel would bundle xstate, yaml and seedrandom: import types with `import type`, values from `@chaos-quest/engine/client`.',
            },
          ],
        },
      ],
    },
  },
  {
    // The studio is its own lazily loaded chunk that plays the whole engine for the author (a solo
    // playtest replays paths through `step`); the player screen never loads it, so its bundle stays light.
    files: ['client/src/studio/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@chaos-quest/client', '**/client/**'], message: 'The server never imports the client.' },
            ...crossPackage,
          ],
        },
      ],
    },
  },
);
