import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DIAGNOSTICS } from './reporter.ts';
import { parseScenario } from './parse.ts';

const valid = readFileSync(new URL('./fixtures/valid/dns-ttl-trap.yaml', import.meta.url), 'utf8');
const codes = (text: string) => parseScenario(text, 'hostile.yaml').diagnostics.map((d) => d.code);

function billionLaughs(levels: number): string {
  const names = 'abcdefghijklmnop'.slice(0, levels).split('');
  return names
    .map(
      (name, i) =>
        `${name}: &${name} [${Array(9)
          .fill(i === 0 ? '"lol"' : `*${names[i - 1]}`)
          .join(', ')}]`,
    )
    .join('\n');
}

describe('untrusted scenario files', () => {
  afterEach(() => {
    // Nothing may leak onto the shared prototypes, whatever a test fed the parser.
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('refuses a 10 MB file before parsing it (CQ1001)', () => {
    const text = `narration: ${'x'.repeat(10 * 1024 * 1024)}`;
    const { scenario, diagnostics } = parseScenario(text, 'big.yaml');
    expect(scenario).toBeNull();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CQ1001',
        line: 1,
        col: 1,
        message:
          'the file is at least 10.0 MB; a scenario file may be at most 1 MB. Move pasted logs or data out of the scenario.',
      }),
    ]);
  });

  it('counts bytes, not characters, against the 1 MB cap', () => {
    const text = `a: ${'é'.repeat(600 * 1024)}`;
    expect(text.length).toBeLessThan(1024 * 1024);
    expect(parseScenario(text, 'wide.yaml').diagnostics[0]?.message).toBe(
      'the file is 1.2 MB; a scenario file may be at most 1 MB. Move pasted logs or data out of the scenario.',
    );
  });

  it('stops a billion-laughs alias bomb (CQ1004)', () => {
    expect(codes(billionLaughs(9))).toEqual(['CQ1004']);
  });

  it('stops an alias that contains itself (CQ1004)', () => {
    expect(codes('a: &x [1, *x]\n')).toEqual(['CQ1004']);
  });

  it.each([
    ['flow lists', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
    ['flow mappings', `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`],
    ['block lists', `${'- '.repeat(10_000)}x`],
    ['indented mappings', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')],
    [
      'lists under keys at one indent',
      Array.from({ length: 100 }, () => 'a:\n-')
        .map((s, i) => s.replace(/^/gm, '  '.repeat(i)))
        .join('\n'),
    ],
  ])('refuses nesting far past the cap in %s with one diagnostic (CQ1005)', (_, text) => {
    expect(codes(text)).toEqual(['CQ1005']);
  });

  it('never lets a __proto__ or constructor key reach a prototype (CQ1006)', () => {
    const text = valid
      .replace(
        'flags: [rolled_back]',
        'flags: [rolled_back]\n__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }',
      )
      .replace(
        '    brief: You hold the pager for checkout.\n',
        '    brief: You hold the pager for checkout.\n    __proto__: { polluted: true }\n',
      );
    const { scenario, diagnostics } = parseScenario(text, 'proto.yaml');
    expect(scenario).toBeNull();
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['CQ1006', 'roles[1].__proto__'],
      ['CQ1006', '__proto__'],
      ['CQ1006', 'constructor'],
    ]);
  });

  it('keeps a __proto__ health key out of the validated scenario', () => {
    const text = valid.replace('health: { resolver: ok }', 'health: { resolver: ok, __proto__: down }');
    expect(codes(text)).toEqual(['CQ1006']);
  });

  it('lists the first thousand problems of a file with more, then says how many are left out (CQ1008)', () => {
    const text = `${valid}\n${Array.from({ length: 1500 }, (_, i) => `extra_${i}: 1`).join('\n')}\n`;
    const { diagnostics } = parseScenario(text, 'many.yaml');
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(diagnostics[MAX_DIAGNOSTICS]).toMatchObject({
      code: 'CQ1008',
      severity: 'warning',
      message: '500 more problems are not listed; fix the ones above and check again.',
    });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), yamlish()), (text) => {
        const { scenario, diagnostics } = parseScenario(text, 'fuzz.yaml');
        expect(scenario === null).toBe(diagnostics.some((d) => d.severity === 'error'));
        for (const d of diagnostics) expect(d.line >= 1 && d.col >= 1).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutations of a valid scenario', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: valid.length }),
        fc.integer({ min: 0, max: 40 }),
        fc.string({ maxLength: 12 }),
        (at, cut, insert) => {
          const text = valid.slice(0, at) + insert + valid.slice(at + cut);
          const { diagnostics } = parseScenario(text, 'mutant.yaml');
          for (const d of diagnostics) expect(d.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Strings built from YAML's punctuation, which reach far more of the parser than random text. */
function yamlish() {
  const pieces = [
    '- ',
    ': ',
    '\n',
    '  ',
    '[',
    ']',
    '{',
    '}',
    ',',
    '&a ',
    '*a',
    '? ',
    '|',
    '>',
    '"',
    "'",
    '#',
    '---',
    'id',
    'scenes',
    '__proto__',
    '!!str ',
    '%YAML 1.2',
    '\t',
  ];
  return fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));
}
