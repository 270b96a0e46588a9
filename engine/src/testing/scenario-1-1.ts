import { parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';

/**
 * A small format 1.1 scenario that uses every 1.1 feature once, for the engine's tests: a hunt that
 * loops on one scene counting turns, a regulator deadline from detection, modules, an action open
 * in every scene, graded checks, roles that decide and roll, a secret revealed, session parameters.
 */
export const SCENARIO_1_1 = `
format: chaos-quest/1.1
id: hunt-test
title: Hunt test
summary: A loop of hunting turns against a deadline.
difficulty: medium
duration: 60
services: [fleet]
clock: { start: "22:00", timebox: 6000 }
roles:
  - { id: lead, name: Hunt Lead, brief: You lead., can_apply_choices: true }
  - { id: analyst, name: Analyst, brief: You read logs. }
  - { id: dev, name: Developer, brief: You wrote it., secrets: ["I left a debug port open."] }
system:
  components:
    - { id: fleet, name: Fleet }
escalation:
  - { level: 1, who: Lead, after: 0 }
fault: { starts_at: 0, affects: [fleet], summary: An intruder }
flags: [contained, notified, warned]
counters: { turn: 0, leads: 0 }
parameters:
  - { id: practised, label: Practised the hunt playbook, options: ["no", "yes"] }
deadlines:
  - id: regulator
    title: Regulator notice
    from: { milestone: detected }
    minutes: 4320
    met_when: { flag: notified }
    met: { narration: "Notice filed with {{ deadline.regulator.left }} to spare." }
    missed: { add: { leads: -1 }, narration: "The regulator calls, unhappy." }
actions:
  - { id: notify, label: Notify the regulator, takes: 30, set: [notified], when: { not: { flag: notified } } }
modules:
  - id: hunt
    title: The hunt
    scenes: [hunt]
    budget: 20
    questions: [What would you look at first?]
    injects:
      - { id: nudge, after: 120, text: "Still hunting at {{ clock }} (turn {{ counter.turn }})." }
  - { id: wrap, title: Wrap-up, scenes: [report], questions: [What do we tell the board?] }
start: hunt
scenes:
  - id: hunt
    narration: "Turn {{ counter.turn }}: the hunt goes on at {{ clock }}."
    facilitator_notes: Loop here.
    milestone: detected
    injects:
      - { id: warn, after: 60, when: { not: { flag: notified } }, effect: { set: [warned] }, text: Legal asks about the notice. }
      - { id: page, at: 30, expires: 20, page: true, text: "PAGE: beacon seen" }
    choices:
      - id: sweep
        label: Sweep the logs
        takes: 60
        add: { turn: 1 }
        cooldown: { choices: 2 }
        check:
          dice: d20
          target: 12
          rolled_by: analyst
          modifiers: [{ when: { parameter: practised, is: "yes" }, add: 5, label: practised playbook }]
          success: { add: { leads: 1 }, goto: hunt }
          failure: { goto: hunt }
          critical_success: { add: { leads: 3 }, reveal_secrets: [dev], goto: hunt }
          critical_failure: { add: { leads: -1 }, goto: hunt }
          complication: { within: 3, add: { leads: 1 }, set: [warned], goto: hunt }
      - { id: wait, label: Wait an hour, takes: 60, add: { turn: 1 }, goto: hunt }
      - { id: ask, label: Ask the developer, takes: 10, decided_by: dev, goto: hunt }
      - { id: report, label: Write it up, takes: 10, when: { counter: leads, at_least: 2 }, goto: report }
  - id: report
    narration: The write-up.
    facilitator_notes: Wrap.
    choices:
      - { id: close, label: Close, goto: done }
endings:
  - { id: done, outcome: success, milestone: resolved, debrief: What helped? }
  - { id: out-of-turns, outcome: failure, when: { counter: turn, at_least: 10 }, debrief: What slowed the hunt? }
`;

/** The scenario above, parsed; throws if it does not validate cleanly. */
export function scenario1_1(): Scenario {
  const { scenario, diagnostics } = parseScenario(SCENARIO_1_1, 'hunt-test.yaml');
  if (!scenario || diagnostics.length > 0)
    throw new Error(diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`).join('\n'));
  return scenario;
}
