import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODES } from './codes.ts';
import { parseScenario } from './parse.ts';
import { parseScenarioWith } from './baselines.ts';

/**
 * Each broken fixture lists the diagnostics it must produce as trailing `# expect:` comments
 * (`# expect: CODE line:col message`, or `CODE file.csv:line:col message` for a baseline CSV beside
 * it), so a fixture and its expectations are read side by side. CSVs are read as a loader reads them.
 */
const dir = new URL('./fixtures/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const EXPECT = /^# expect: (CQ\d{4}) (?:([\w.-]+\.csv):)?(\d+):(\d+) (.*)$/gm;

function expectations(text: string, name = '') {
  return [...text.matchAll(EXPECT)].map(([, code = '', csv, line, col, message]) => ({
    file: csv ?? name,
    code,
    line: Number(line),
    col: Number(col),
    message,
  }));
}

const readBeside = (csv: string) => (existsSync(new URL(csv, dir)) ? readFileSync(new URL(csv, dir), 'utf8') : null);

describe('broken fixtures', () => {
  it.each(fixtures)('%s reports exactly its expected diagnostics', (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const expected = expectations(text, name);
    expect(expected.length).toBeGreaterThan(0);
    const { scenario, diagnostics } = parseScenarioWith(text, name, readBeside, { deep: true });
    expect(diagnostics.map(({ file, code, line, col, message }) => ({ file, code, line, col, message }))).toEqual(
      expected,
    );
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

  // CQ1001 (a file over 1 MB), CQ1008 (over a thousand problems) and CQ1011 (a CSV over its budget)
  // would need fixtures too big to keep in the repository; hostile-input.test.ts and
  // baseline-csv.test.ts generate them. CQ1009 (not a regular file) and
  // CQ1010 (a scenario id used by two files) are about a folder, not one text: the server's
  // scenario library reports them, and server/src/scenarios/library.test.ts makes the folders.
  const generated = new Set(['CQ1001', 'CQ1008', 'CQ1009', 'CQ1010', 'CQ1011']);

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
