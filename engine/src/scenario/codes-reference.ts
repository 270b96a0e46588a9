import { CODES } from './codes.ts';

/**
 * docs/diagnostics.md: every diagnostic code with its severity and what it means, generated from
 * the catalogue so the page can never fall behind it. Pure; `npm run docs` writes it.
 */
export function diagnosticsReference(): string {
  const rows = Object.entries(CODES).map(
    ([code, { severity, summary }]) => `| ${code} | ${severity} | ${summary.replace(/\|/g, '\\|')} |`,
  );
  return [
    '# Scenario diagnostics',
    '',
    '<!-- Generated from engine/src/scenario/codes.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Every problem `npx chaos-quest validate` reports carries one of these codes, as',
    '`file:line:col: severity CODE message`. Codes are stable: a code is never renumbered or reused.',
    'CQ1xxx are about the file, its YAML and the schema; CQ2xxx about references and the story. An',
    'error keeps a scenario from loading; a warning does not; an info says what a check could not cover.',
    'CQ2022–CQ2028, CQ2031 and CQ2037 come from exploring the states a table can reach (format 1.0',
    'and 1.1), which `validate` and `test` do and the server does not.',
    'See [semantics.md](semantics.md) for how the engine plays what these codes check.',
    '',
    '| code | severity | meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
