import { describe, expect, it } from 'vitest';
import { gameOf } from '../compile/game.ts';
import { parseScenario } from '../scenario/parse.ts';
import { explore } from './explore.ts';

/** A small 1.1 scenario: `story` is its flags, counters, 1.1 parts, scenes and endings, as YAML. */
const scenario1_1 = (story: string) => `format: chaos-quest/1.1
id: fixture
title: Fixture
summary: A small scenario for the explorer.
difficulty: intro
duration: 30
services: [checkout]
clock: { start: "09:00", timebox: 240 }
roles:
  - { id: ic, name: Incident Commander, brief: You coordinate. }
  - { id: sre, name: On-call SRE, brief: You hold the pager. }
system:
  components:
    - { id: api, name: Checkout API }
escalation:
  - { level: 1, who: On-call SRE, after: 0 }
fault: { starts_at: 0, affects: [api], summary: The pool is too small }
${story}`;

function explored(story: string) {
  const { scenario, diagnostics } = parseScenario(scenario1_1(story), 'f.yaml', { deep: true });
  if (!scenario) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  const ex = explore(gameOf(scenario));
  return { ex, diagnostics, endings: new Set(ex.states.flatMap((s) => (s.ending ? [s.ending] : []))) };
}

describe('exploring a format 1.1 scenario', () => {
  it('reaches an ending that waits for a milestone the team declares', () => {
    const { ex, endings, diagnostics } = explored(`start: triage
scenes:
  - id: triage
    narration: Errors climb.
    choices:
      - { id: wait, label: Wait, takes: 10, goto: triage }
      - { id: give-up, label: Give up, goto: lost }
endings:
  - { id: mitigated, outcome: success, when: { milestone: mitigated } }
  - { id: lost, outcome: failure }
`);
    expect(endings.has('mitigated')).toBe(true);
    expect(ex.complete).toBe(true);
    expect(diagnostics.filter((d) => d.code.startsWith('CQ202'))).toEqual([]);
  });

  it('plays a module inject due after entering it, whose effect opens a choice', () => {
    const { endings } = explored(`flags: [warned]
modules:
  - id: respond
    title: Respond
    scenes: [triage]
    injects:
      - { id: warning, after: 20, expires: 30, text: The vendor warns you., effect: { set: [warned] } }
start: triage
scenes:
  - id: triage
    narration: Errors climb.
    choices:
      - { id: wait, label: Wait, takes: 10, goto: triage }
      - { id: act, label: Act on the warning, goto: won, when: { flag: warned } }
endings:
  - { id: won, outcome: success }
  - { id: lost, outcome: failure, when: { time_at_least: 240 } }
`);
    expect(endings.has('won')).toBe(true);
  });

  it('opens a choice once enough minutes have passed since a flag, and after a cooldown', () => {
    const { endings, diagnostics } = explored(`flags: [paged]
start: triage
scenes:
  - id: triage
    narration: Errors climb.
    choices:
      - { id: page, label: Page the vendor, set: [paged], goto: triage, when: { not: { flag: paged } } }
      - id: probe
        label: Probe
        takes: 5
        goto: triage
        cooldown: { minutes: 60 }
        check: { dice: d20, target: 10, success: { goto: probed }, failure: {} }
      - { id: escalate, label: Escalate, goto: escalated, when: { minutes_since: paged, at_least: 90 } }
endings:
  - { id: escalated, outcome: partial }
  - { id: probed, outcome: success }
  - { id: lost, outcome: failure, when: { time_at_least: 240 } }
`);
    expect([...endings].sort()).toEqual(['escalated', 'lost', 'probed']);
    expect(diagnostics.filter((d) => d.code.startsWith('CQ202'))).toEqual([]);
  });

  it('starts once per value of a parameter a condition reads, and reports an ending only one value reaches as reachable', () => {
    const { ex, endings } = explored(`parameters:
  - { id: drill, label: Drilled, options: [no, yes] }
start: triage
scenes:
  - id: triage
    narration: Errors climb.
    choices:
      - { id: runbook, label: Follow the runbook, goto: won, when: { parameter: drill, is: "yes" } }
      - { id: improvise, label: Improvise, goto: lost }
endings:
  - { id: won, outcome: success }
  - { id: lost, outcome: failure }
`);
    expect(ex.roots).toHaveLength(2);
    expect(endings.has('won')).toBe(true);
  });
});
