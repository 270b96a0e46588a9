import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimulationReport } from './simulate-report.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.ts';

const root = repoRoot;
const cli = runCli;
const valid = 'engine/src/scenario/fixtures/valid/dns-ttl-trap.yaml';
const validText = readFileSync(join(root, valid), 'utf8');

const temp = mkdtempSync(join(tmpdir(), 'cq-simulate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function variant(name: string, edit: (text: string) => string): string {
  const file = join(temp, name);
  writeFileSync(file, edit(validText));
  return file;
}

const replace = (text: string, from: string, to: string) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};

interface Report extends Omit<SimulationReport, 'outcomes'> {
  outcomes: Record<string, number>;
}

describe('chaos-quest simulate', () => {
  it('prints the same bytes for the same seed, and a different report for another seed', async () => {
    const first = await cli('simulate', valid, '--runs', '60', '--seed', 'alpha');
    const again = await cli('simulate', valid, '--runs', '60', '--seed', 'alpha');
    const other = await cli('simulate', valid, '--runs', '60', '--seed', 'beta');
    expect(first.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(other.stdout).not.toBe(first.stdout);
    expect(first.stdout).toContain('Simulated 60 runs of dns-ttl-trap (seed "alpha", at most 500 steps each)');
    expect(first.stdout).toMatch(/^ {2}recovered +success +\d+ +\d+\.\d%$/m);
    expect(first.stdout).toMatch(/^ {2}time to detect +\d+ +/m);
    expect(first.stdout).toContain('Every scene was visited.');
  });

  it('accounts for every run in --json: endings plus stuck runs add up', async () => {
    const { code, stdout } = await cli('simulate', valid, '--runs', '40', '--seed', 's', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.runs).toBe(40);
    expect(report.endings.reduce((n, e) => n + e.runs, 0) + report.stuck).toBe(40);
    expect(report.outcomes['success']! + report.outcomes['failure']! + report.outcomes['partial']! + report.stuck).toBe(
      40,
    );
    expect(report.scenes.map((s) => [s.id, s.runs])).toEqual([
      ['triage', 40],
      ['dashboards', report.scenes[1]?.runs],
    ]);
    expect(report.timeToDetect.count).toBeGreaterThan(0);
  });

  it('calls out a scene no bot ever reached as untested', async () => {
    const file = variant('untested.yaml', (t) =>
      replace(
        replace(t, 'flags: [rolled_back]', 'flags: [rolled_back, never_set]'),
        '      - { id: hold, label: Post a holding statement, takes: 5, goto: triage }\n',
        '      - { id: hold, label: Post a holding statement, takes: 5, goto: triage }\n      - { id: war_room, label: Open a war room, when: { flag: never_set }, goto: war_room }\n  - id: war_room\n    narration: Everyone joins the bridge.\n    choices:\n      - { id: back, label: Back to triage, goto: triage }\n',
      ),
    );
    const text = await cli('simulate', file, '--runs', '20', '--seed', 'u');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ {2}war_room +0 +0\.0% +0 visits +UNTESTED$/m);
    expect(text.stdout).toContain('Untested (never visited): war_room');
    const json = JSON.parse((await cli('simulate', file, '--runs', '20', '--seed', 'u', '--json')).stdout) as Report;
    expect(json.untested).toEqual(['war_room']);
  });

  it('reports runs that never reach an ending as stuck', async () => {
    const file = variant('stuck.yaml', (t) =>
      replace(
        replace(
          replace(t, 'flags: [rolled_back]', 'flags: [rolled_back, never_set]'),
          'success: { set: [rolled_back], health: { resolver: ok }, goto: recovered }',
          'success: { set: [rolled_back], health: { resolver: ok }, goto: dashboards }',
        ),
        '  - { id: timeboxed, outcome: failure, when: { time_at_least: 120 } }\n',
        '  - { id: timeboxed, outcome: failure, when: { all: [{ time_at_least: 120 }, { flag: never_set }] } }\n',
      ).replace(
        '          failure: { takes: 10, narration: The rollback times out., goto: dashboards }\n',
        '          failure: { takes: 10, narration: The rollback times out., goto: dashboards }\n      - { id: finish, label: Declare victory, when: { flag: never_set }, goto: recovered }\n',
      ),
    );
    const { code, stdout } = await cli('simulate', file, '--runs', '5', '--seed', 'x', '--max-steps', '40', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.stuck).toBe(5);
    expect(report.outcomes['stuck']).toBe(5);
    // Named by the scene they stopped in, and the ending no run reached is flagged.
    expect(report.coverage.stuckIn).toEqual([{ scene: 'dashboards', runs: 5 }]);
    expect(report.unreached).toEqual(['recovered', 'timeboxed']);
  });

  it('names a dead end even when the clock moves the table on to an ending', async () => {
    const file = variant('dead-end.yaml', (t) =>
      replace(
        t,
        '      - { id: hold, label: Post a holding statement, takes: 5, goto: triage }\n',
        '      - { id: hold, label: Post a holding statement, takes: 5, goto: triage, when: { flag: rolled_back } }\n',
      ).replace(
        '      - { id: look, label: Open the regional dashboards, takes: 5, goto: dashboards }\n',
        '      - { id: look, label: Open the regional dashboards, takes: 5, goto: dashboards, when: { flag: rolled_back } }\n',
      ),
    );
    const { code, stdout } = await cli('simulate', file, '--runs', '5', '--seed', 'x', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.endings.find((e) => e.id === 'timeboxed')?.runs).toBe(5);
    expect(report.coverage.deadEnds).toEqual([{ scene: 'triage', runs: 5 }]);
  });

  it('reports choice and inject coverage, self-loops, and each check’s exact odds beside its observed rate', async () => {
    const { stdout } = await cli('simulate', valid, '--runs', '200', '--seed', 'odds', '--json');
    const report = JSON.parse(stdout) as Report;
    const rollback = report.coverage.checks.find((c) => c.choice === 'rollback');
    expect(rollback?.bare).toBe('9 in 20 (45%)');
    expect(rollback?.rolls).toBeGreaterThan(50);
    expect(Math.abs((rollback?.observed ?? 0) - (rollback?.expected ?? 1))).toBeLessThan(0.15);
    expect(report.coverage.choices.map((c) => c.id)).toEqual(['look', 'hold', 'rollback']);
    expect(report.coverage.injects).toEqual([
      { id: 'page', scene: 'triage', runs: expect.any(Number), untested: false },
    ]);
    expect(report.coverage.selfLoops.map((l) => l.scene)).toContain('triage');
  });

  it('plays with empty seats and other bot policies, and says so', async () => {
    const file = 'scenarios/db-failover-lag.yaml';
    const play = async (policy: string) =>
      JSON.parse(
        (await cli('simulate', file, '--runs', '100', '--seed', 'p', '--policy', policy, '--json')).stdout,
      ) as Report;
    // In replica-status the risky way is a check (find the missing WAL), the safe one a plain promotion.
    const taken = (r: Report) => r.coverage.choices.find((c) => c.id === 'find-missing-wal')?.taken ?? 0;
    const [cautious, reckless] = [await play('cautious'), await play('reckless')];
    expect(cautious.policy).toBe('cautious');
    expect(taken(reckless)).toBeGreaterThan(taken(cautious));
    const empty = await cli('simulate', valid, '--runs', '3', '--seats', '');
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('Bots: random; seated: nobody');
    const wrong = await cli('simulate', valid, '--seats', 'sre,dba');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--seats names no role dba');
  });

  it('prints the diagnostics and exits 1 for a scenario with errors', async () => {
    const file = variant('broken.yaml', (t) => replace(t, 'goto: dashboards }', 'goto: dashbords }'));
    const { code, stdout, stderr } = await cli('simulate', file, '--runs', '5');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      "error CQ2002 scenes[0].choices[0].goto: there is no scene 'dashbords'. Did you mean 'dashboards'?",
    );
  });

  it('exits 2 with usage for bad arguments', async () => {
    const zero = await cli('simulate', valid, '--runs', '0');
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("--runs must be a whole number from 1 to 100000, not '0'.");
    expect(zero.stderr).toContain('Usage: chaos-quest simulate');
    expect((await cli('simulate')).code).toBe(2);
  });

  it('counts how often each card was dealt and drawn, each run dealing from its own seed', async () => {
    const { code, stdout } = await cli(
      'simulate',
      'scenarios/threat-hunt.yaml',
      '--runs',
      '120',
      '--seed',
      'c',
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    const chains = report.coverage.cards.filter((c) => c.deck === 'chains');
    // One chain per run, and the seeded deal spreads them: every chain is dealt in some run.
    expect(chains.map((c) => c.card)).toEqual(['slow-beacon', 'cleaned-host', 'hidden-task']);
    expect(chains.reduce((n, c) => n + c.dealt, 0)).toBe(120);
    expect(chains.every((c) => c.dealt > 0 && c.drawn === 0)).toBe(true);
    const drawn = report.coverage.cards.filter((c) => c.deck !== 'chains');
    expect(drawn.every((c) => c.dealt === 0)).toBe(true);
    expect(drawn.reduce((n, c) => n + c.drawn, 0)).toBeGreaterThan(0);
    const text = await cli('simulate', 'scenarios/threat-hunt.yaml', '--runs', '120', '--seed', 'c');
    expect(text.stdout).toMatch(/^ {2}chains +slow-beacon +\d+ dealt +0 drawn/m);
  });
});
