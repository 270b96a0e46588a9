import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODES } from './codes.ts';
import { parseScenario } from './parse.ts';

/**
 * Each broken fixture lists the diagnostics it must produce as trailing `# expect:` comments
 * (`# expect: CODE line:col message`), so a fixture and its expectations are read side by side.
 */
const dir = new URL('./fixtures/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const EXPECT = /^# expect: (CQ\d{4}) (\d+):(\d+) (.*)$/gm;

function expectations(text: string) {
  return [...text.matchAll(EXPECT)].map(([, code = '', line, col, message]) => ({
    code,
    line: Number(line),
    col: Number(col),
    message,
  }));
}

describe('broken fixtures', () => {
  it.each(fixtures)('%s reports exactly its expected diagnostics', (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const expected = expectations(text);
    expect(expected.length).toBeGreaterThan(0);
    // A `*-library-*` fixture is checked as `validate --library` checks a scenario proposed for the library.
    const { scenario, diagnostics } = parseScenario(text, name, { deep: true, library: name.includes('-library-') });
    expect(diagnostics.map(({ code, line, col, message }) => ({ code, line, col, message }))).toEqual(expected);
    expect(diagnostics.every((d) => d.file === name)).toBe(true);
    expect(scenario === null).toBe(diagnostics.some((d) => d.severity === 'error'));
  });

  it('reports all three problems of a file that has three, not just the first', () => {
    const { diagnostics } = parseScenario(
      readFileSync(new URL('three-problems.yaml', dir), 'utf8'),
      'three-problems.yaml',
    );
    expect(diagnostics.map((d) => d.code)).toEqual(['CQ2003', 'CQ2005', 'CQ2002']);
  });

  it('names the goto that lost a letter, and the scene that was meant', () => {
    const { diagnostics } = parseScenario(readFileSync(new URL('CQ2002-unknown-goto.yaml', dir), 'utf8'), 'f.yaml');
    expect(diagnostics[0]?.message).toBe(
      "scenes[3].choices[1].goto: there is no scene 'failvoer'. Did you mean 'failover'?",
    );
    expect(diagnostics[0]?.path).toBe('scenes[3].choices[1].goto');
  });

  // CQ1001 (a file over 1 MB) and CQ1008 (over a thousand problems) would need fixtures too big to
  // keep in the repository; hostile-input.test.ts generates them. CQ1009 (not a regular file) and
  // CQ1010 (a scenario id used by two files) are about a folder, not one text: the server's
  // scenario library reports them, and server/src/scenarios/library.test.ts makes the folders.
  const generated = new Set(['CQ1001', 'CQ1008', 'CQ1009', 'CQ1010']);

  it('has a fixture for every code in the catalogue', () => {
    const covered = new Set(
      fixtures.flatMap((f) => expectations(readFileSync(new URL(f, dir), 'utf8')).map((e) => e.code)),
    );
    const missing = Object.keys(CODES).filter((code) => !covered.has(code) && !generated.has(code));
    expect(missing).toEqual([]);
  });

  it('uses only codes from the catalogue', () => {
    const used = fixtures.flatMap((f) => expectations(readFileSync(new URL(f, dir), 'utf8')).map((e) => e.code));
    expect(used.filter((code) => !Object.hasOwn(CODES, code))).toEqual([]);
  });
});
