import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile/game.ts';
import { formatDiagnostic } from './diagnostic.ts';
import { parseScenario } from './parse.ts';

const validDir = new URL('./fixtures/valid/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, validDir), 'utf8');

describe('parseScenario', () => {
  it.each(readdirSync(validDir).filter((f) => f.endsWith('.yaml')))(
    'accepts %s with no diagnostics, and the result compiles',
    (name) => {
      const { scenario, diagnostics } = parseScenario(read(name), name);
      expect(diagnostics).toEqual([]);
      expect(scenario).not.toBeNull();
      expect(() => compile(scenario as NonNullable<typeof scenario>)).not.toThrow();
    },
  );

  it('applies the schema defaults to the scenario it returns', () => {
    const { scenario } = parseScenario(read('dns-ttl-trap.yaml'), 'dns.yaml');
    expect(scenario?.roles[1]?.can_apply_choices).toBe(false);
    expect(scenario?.system.components[0]?.health).toBe('ok');
    expect(scenario?.scenes[0]?.injects?.[0]?.page).toBe(true);
  });

  it('returns a scenario when the only diagnostics are warnings', () => {
    const text = read('dns-ttl-trap.yaml').replace('    milestone: detected\n', '');
    const { scenario, diagnostics } = parseScenario(text, 'warn.yaml');
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['CQ2011', 'warning']]);
    expect(scenario).not.toBeNull();
  });

  it('returns no scenario when any diagnostic is an error', () => {
    const text = read('dns-ttl-trap.yaml').replace('goto: recovered', 'goto: recoverd');
    const { scenario, diagnostics } = parseScenario(text, 'err.yaml');
    expect(scenario).toBeNull();
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "err.yaml:27:1: warning CQ2012 fault: nothing reachable marks the fault 'resolved'; add `milestone: resolved` to the scene, choice or success ending where the fault is fixed, so time to resolve is measured.",
      "err.yaml:50:74: error CQ2002 scenes[1].choices[0].check.success.goto: there is no scene 'recoverd'. Did you mean 'recovered'?",
      "err.yaml:53:11: error CQ2009 endings[0].id: no success ending can be reached: no choice in a reachable scene leads to 'recovered'. Add a goto to it.",
    ]);
  });

  it('reports the schema problems of every part of the file at once', () => {
    const text = read('dns-ttl-trap.yaml')
      .replace('difficulty: medium', 'difficulty: hardcore')
      .replace('takes: 5, goto: dashboards', 'takes: five, goto: dashboards')
      .replace('      - id: rollback\n', '      - id: rollback\n        lable: Roll it back\n');
    const { diagnostics } = parseScenario(text, 'schema.yaml');
    expect(diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([
      'CQ1103 difficulty',
      'CQ1103 scenes[0].choices[0].takes',
      'CQ1101 scenes[1].choices[0].lable',
    ]);
    expect(diagnostics[2]?.message).toBe("scenes[1].choices[0].lable: unknown key 'lable'. Did you mean 'label'?");
  });
});
