import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const valid = 'engine/src/scenario/fixtures/valid/dns-ttl-trap.yaml';
const temp = mkdtempSync(join(tmpdir(), 'cq-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of the valid fixture with `tests` appended, so the line numbers below are the file's own. */
function withTests(name: string, tests: string): string {
  const file = join(temp, name);
  writeFileSync(file, `${readFileSync(valid, 'utf8')}\ntests:\n${tests}`);
  return file;
}

/** The 1-based line of the `nth` line holding `text`. */
const lineOf = (file: string, text: string, nth = 1) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => (l.includes(text) ? i + 1 : 0))
    .filter(Boolean)[nth - 1] ?? 0;

describe('chaos-quest test', () => {
  it('passes every shipped scenario, each of its endings tested', async () => {
    const { code, stdout } = await runCli('test', 'scenarios');
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n\d+ passed, 0 failed\.\n$/);
    expect(stdout).not.toContain('FAIL');
  });

  it('exits 1 and names the file:line of the step the engine refused', async () => {
    const file = withTests(
      'refused.yaml',
      `  - name: rollback without looking
    steps:
      - { choose: look }
      - { choose: no-such-choice }
    expect: { ending: recovered }
`,
    );
    const { code, stdout } = await runCli('test', file);
    expect(code).toBe(1);
    expect(stdout).toContain('  FAIL  rollback without looking\n');
    expect(stdout).toContain(
      `${file}:${lineOf(file, 'no-such-choice')}: step 2: choose no-such-choice: refused (not-found): 'no-such-choice' is not open in scene 'dashboards'.`,
    );
    expect(stdout).toMatch(/0 passed, 1 failed\.\n$/);
  });

  it("plays by the server's rules: a declaration by a role that is not the commander waits for a `confirm` step", async () => {
    const file = withTests(
      'confirm.yaml',
      `  - name: the on-call declares, the facilitator confirms
    steps:
      - { advance: 6 }
      - { declare: incident, by: sre }
      - expect: { milestones: [] }
      - { confirm: incident }
    expect: { milestones: [detected] }
  - name: nothing waits
    steps:
      - { confirm: incident }
    expect: { milestones: [detected] }
`,
    );
    const { code, stdout } = await runCli('test', file);
    expect(code).toBe(1);
    expect(stdout).toContain('  ok    the on-call declares, the facilitator confirms\n');
    expect(stdout).toContain(
      `${file}:${lineOf(file, '{ confirm: incident }', 2)}: step 1: confirm incident: no declaration of 'incident' waits for the facilitator`,
    );
  });

  it('fails at a mid-path expect, and at a final expect the ending does not meet', async () => {
    const file = withTests(
      'expectations.yaml',
      `  - name: wrong scene
    steps:
      - { choose: look }
      - expect: { scene: triage }
    expect: { scene: dashboards }
  - name: wrong ending
    steps:
      - { choose: look }
      - { choose: rollback, roll: 20 }
    expect: { ending: timeboxed, outcome: failure }
`,
    );
    const { code, stdout } = await runCli('test', file);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `${file}:${lineOf(file, 'expect: { scene: triage }')}: step 2: expect: expected to be in scene 'triage', the game is running in scene 'dashboards'.`,
    );
    expect(stdout).toContain(
      `${file}:${lineOf(file, 'expect: { ending: timeboxed')}: expect: expected ending 'timeboxed', reached ending 'recovered'; expected outcome failure, got success.`,
    );
  });

  it('reads NAME.tests.yaml beside the scenario, with flags set as a given', async () => {
    const file = join(temp, 'beside.yaml');
    copyFileSync(valid, file);
    writeFileSync(
      join(temp, 'beside.tests.yaml'),
      `tests:
  - name: a rollback already tried costs its modifier
    seed: s1
    steps:
      - { choose: look }
      - { set: [rolled_back] }
      - { choose: rollback, roll: 15 }
    expect: { ending: recovered, outcome: success, milestones: [detected, resolved], flags: { rolled_back: true } }
`,
    );
    const { code, stdout } = await runCli('test', file);
    expect(stdout).toContain('  ok    a rollback already tried costs its modifier\n');
    expect(code).toBe(0);
  });

  it('reports a malformed test as a diagnostic and exits 1', async () => {
    const file = withTests('malformed.yaml', '  - name: no steps\n    expect: { ending: recovered }\n');
    const { code, stderr } = await runCli('test', file);
    expect(code).toBe(1);
    expect(stderr).toContain(`missing required key 'steps'`);
  });
});
