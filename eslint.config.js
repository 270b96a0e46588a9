import tseslint from 'typescript-eslint';
import globals from 'globals';

const impureCalls = [
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'The engine is pure: wall-clock time arrives as data (the `at` stamped by the server).' },
  { selector: "NewExpression[callee.name='Date']", message: 'The engine is pure: wall-clock time arrives as data (the `at` stamped by the server).' },
  { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'The engine is pure: use the seeded dice in engine/src/dice.' },
  { selector: "MemberExpression[object.name='performance'][property.name='now']", message: 'The engine is pure: no clocks.' },
];
const timerGlobals = ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame', 'process', 'Buffer', 'require']
  .map((name) => ({ name, message: 'The engine is pure: no timers, no Node globals.' }));

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'tests/artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error',
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
    files: ['engine/src/**/*.ts'],
    ignores: ['engine/src/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-syntax': ['error', ...impureCalls,
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object and a derived union.' }],
      'no-restricted-globals': ['error', ...timerGlobals],
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'net'], message: 'The engine does no I/O.' },
        { group: ['socket.io', 'socket.io-client', 'react', 'react-dom', 'better-sqlite3', 'fastify'], message: 'The engine never imports transport, storage or UI.' },
        { group: ['@chaos-quest/server', '@chaos-quest/client'], message: 'Dependencies point one way: server and client depend on the engine.' },
      ] }],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@chaos-quest/server', '**/server/**'], message: 'The client never imports the server.' }] }],
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{
        name: '@chaos-quest/engine',
        allowTypeImports: true,
        message: 'The engine barrel would bundle xstate, yaml and seedrandom: import types with `import type`, values from a pure module by path (@chaos-quest/engine/src/...).',
      }] }],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@chaos-quest/client', '**/client/**'], message: 'The server never imports the client.' }] }] },
  },
);
