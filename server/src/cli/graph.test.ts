import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const valid = 'engine/src/scenario/fixtures/valid/dns-ttl-trap.yaml';

describe('chaos-quest graph', () => {
  it('draws scenes, both branches of a check, conditions and endings as Mermaid', async () => {
    const { code, stdout } = await runCli('graph', valid);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'flowchart TD',
        '  triage(["triage"])',
        '  dashboards["dashboards"]',
        '  recovered{{"✔ recovered"}}',
        '  timeboxed{{"✖ timeboxed"}}',
        '  anywhere(("any scene"))',
        '  triage -->|"Open the regional dashboards"| dashboards',
        '  triage -->|"Post a holding statement"| triage',
        '  dashboards -->|"Roll back the DNS change (success)"| recovered',
        '  dashboards -->|"Roll back the DNS change (failure)"| dashboards',
        '  anywhere -->|"when t ≥ 120"| timeboxed',
        '',
      ].join('\n'),
    );
  });

  it('draws Graphviz dot with one edge per way out, and a choice condition on its edge', async () => {
    const { code, stdout } = await runCli('graph', 'scenarios/leaked-credentials.yaml', '--format', 'dot');
    expect(code).toBe(0);
    expect(stdout.startsWith('digraph "leaked-credentials" {\n')).toBe(true);
    expect(stdout.trimEnd().endsWith('}')).toBe(true);
    expect(stdout).toMatch(/" -> "[a-z-]+" \[label="[^"]+ \[[^\]]+\]"\];/);
  });

  it('refuses an unknown format', async () => {
    const { code, stderr } = await runCli('graph', valid, '--format', 'svg');
    expect(code).toBe(2);
    expect(stderr).toContain("--format is mermaid or dot, not 'svg'.");
  });
});
