import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function ruleHits(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

/**
 * The specifiers a module imports at run time: `import type` and `export type` are erased, so they are
 * left out; `import { type X }` is kept, since with verbatimModuleSyntax it still loads its module.
 */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier))
      found.push(node.moduleSpecifier.text);
    if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push(node.moduleSpecifier.text);
  }
  return found;
}

/** Every package a module loads at run time, following its relative imports through the whole graph. */
function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return packages;
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
    expect(await ruleHits("import '@chaos-quest/server';\nexport {};", 'client/src/probe.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await ruleHits("import '@chaos-quest/client';\nexport {};", 'server/src/probe.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it("refuses another package's /src/ paths and relative paths into another package", async () => {
    const deep = "import { span } from '@chaos-quest/engine/src/metrics/metrics.ts';\nexport const a = span;";
    expect(await ruleHits(deep, 'client/src/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleHits(deep, 'server/src/probe.ts')).toContain('no-restricted-imports');
    const relative = "import { step } from '../../../engine/src/session/step.ts';\nexport const a = step;";
    expect(await ruleHits(relative, 'server/src/cli/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleHits(relative, 'client/src/metrics/probe.ts')).toContain('no-restricted-imports');
    expect(
      await ruleHits(
        "import { serve } from '../../../server/src/cli/serve.ts';\nexport const a = serve;",
        'engine/src/session/probe.test.ts',
      ),
    ).toContain('no-restricted-imports');
    // A relative import inside the package is the package's own business.
    expect(
      await ruleHits(
        "import { phaseOf } from '../session/phase.ts';\nexport const a = phaseOf;",
        'engine/src/views/probe.ts',
      ),
    ).toEqual([]);
  });

  it('lets the client import engine values only from @chaos-quest/engine/client, and types from the barrel', async () => {
    expect(
      await ruleHits("import { step } from '@chaos-quest/engine';\nexport const a = step;", 'client/src/probe.ts'),
    ).toContain('@typescript-eslint/no-restricted-imports');
    const allowed =
      "import type { Scenario } from '@chaos-quest/engine';\nimport { clockLabel } from '@chaos-quest/engine/client';\nexport const a = (s: Scenario) => clockLabel(s.clock.start, 0);";
    expect(await ruleHits(allowed, 'client/src/probe.ts')).toEqual([]);
  });

  it("lets the studio's lazily loaded chunk, and only it, run the whole engine", async () => {
    const replay = "import { replayPath } from '@chaos-quest/engine';\nexport const a = replayPath;";
    expect(await ruleHits(replay, 'client/src/studio/playtest/probe.ts')).toEqual([]);
    expect(await ruleHits(replay, 'client/src/player/probe.ts')).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('exports the engine as its barrel, its client entry point and its test kit only, with no way into its files', () => {
    const manifest = JSON.parse(readFileSync(`${root}engine/package.json`, 'utf8')) as {
      exports: Record<string, string>;
    };
    expect(manifest.exports).toEqual({
      '.': './src/index.ts',
      './client': './src/client.ts',
      './testing': './src/testing/index.ts',
    });
  });

  it("keeps xstate, yaml and seedrandom out of the client entry point's import graph", () => {
    const loaded = packagesLoadedBy(`${root}engine/src/client.ts`);
    for (const heavy of ['xstate', 'yaml', 'seedrandom']) expect(loaded).not.toContain(heavy);
    // The walk does reach packages: the barrel, which the server uses, loads all three.
    const barrel = packagesLoadedBy(`${root}engine/src/index.ts`);
    for (const heavy of ['xstate', 'yaml', 'seedrandom']) expect(barrel).toContain(heavy);
  });

  it('compiles the engine without DOM or Node types', () => {
    const config = JSON.parse(readFileSync(`${root}engine/tsconfig.json`, 'utf8')) as {
      compilerOptions: { types: string[]; lib: string[] };
    };
    expect(config.compilerOptions.types).toEqual([]);
    expect(config.compilerOptions.lib.some((l) => /dom/i.test(l))).toBe(false);
  });
});
