import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function ruleHits(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('package boundaries', () => {
  it('bans clocks, randomness, timers and I/O imports in the engine', async () => {
    const code = [
      "import { readFileSync } from 'node:fs';",
      "import { io } from 'socket.io-client';",
      'export const a = Date.now();',
      'export const b = new Date();',
      'export const c = Math.random();',
      'setTimeout(() => 1, 1);',
      'export const d = [readFileSync, io];',
    ].join('\n');
    const hits = await ruleHits(code, 'engine/src/session/probe.ts');
    expect(hits.filter((h) => h === 'no-restricted-imports')).toHaveLength(2);
    expect(hits.filter((h) => h === 'no-restricted-syntax')).toHaveLength(3);
    expect(hits).toContain('no-restricted-globals');
  });

  it('allows the same code outside the engine', async () => {
    const hits = await ruleHits('export const a = Date.now() + Math.random();', 'server/src/probe.ts');
    expect(hits).toEqual([]);
  });

  it('keeps server and client from importing each other', async () => {
    expect(await ruleHits("import '@chaos-quest/server';\nexport {};", 'client/src/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleHits("import '@chaos-quest/client';\nexport {};", 'server/src/probe.ts')).toContain('no-restricted-imports');
  });

  it('compiles the engine without DOM or Node types', () => {
    const config = JSON.parse(readFileSync(`${root}engine/tsconfig.json`, 'utf8')) as { compilerOptions: { types: string[]; lib: string[] } };
    expect(config.compilerOptions.types).toEqual([]);
    expect(config.compilerOptions.lib.some((l) => /dom/i.test(l))).toBe(false);
  });
});
