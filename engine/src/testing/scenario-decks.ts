import { parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';

/**
 * A small format 1.1 scenario with decks, for the engine's tests: an attack chain dealt at setup into
 * a parameter, a complication drawn on a natural 1, a boon on a 20, and injects that draw (one to a role).
 * Each card's text and notes carry a marker (HIDDEN-…, NOTES-…) that tests look for in views.
 */
export const SCENARIO_DECKS = `
format: chaos-quest/1.1
id: deck-test
title: Deck test
summary: A hunt whose chain is dealt and whose rolls draw cards.
difficulty: medium
duration: 60
services: [fleet]
clock: { start: "09:00", timebox: 6000 }
roles:
  - { id: lead, name: Hunt Lead, brief: You lead., can_apply_choices: true }
  - { id: analyst, name: Analyst, brief: You read logs. }
system:
  components:
    - { id: fleet, name: Fleet }
escalation:
  - { level: 1, who: Lead, after: 0 }
fault: { starts_at: 0, affects: [fleet], summary: An intruder }
flags: [noisy, quiet, wiped, lucky]
counters: { heat: 0 }
parameters:
  - { id: chain, label: The attack chain, options: [phish, vpn, supplier] }
decks:
  chains:
    - { id: phish, title: Phishing chain, text: HIDDEN-PHISH a poisoned invoice., facilitator_notes: NOTES-PHISH, set: [noisy] }
    - { id: vpn, title: VPN chain, text: HIDDEN-VPN a stolen VPN token., set: [quiet] }
    - { id: supplier, title: Supplier chain, text: HIDDEN-SUPPLIER a poisoned update., add: { heat: 2 } }
  complications:
    - { id: wipe, title: Logs wiped, text: The intruder wipes the logs., facilitator_notes: NOTES-WIPE, set: [wiped] }
    - { id: alarm, title: Heat rises, text: A manager asks for an update every hour., add: { heat: 1 } }
  boons:
    - { id: tip, title: A tip, text: A colleague remembers the odd login., set: [lucky] }
deal:
  - { deck: chains, parameter: chain }
start: hunt
scenes:
  - id: hunt
    narration: The hunt goes on.
    injects:
      - { id: audit, at: 600, effect: { draw: complications }, text: The auditors arrive. }
      - { id: memo, at: 700, to: [lead], effect: { draw: boons }, text: A memo for the lead. }
    choices:
      - id: probe
        label: Probe the network
        takes: 60
        goto: hunt
        check:
          dice: d20
          target: 11
          success: { narration: Something turns up. }
          failure: { narration: Nothing this hour. }
          critical_failure: { draw: complications }
          critical_success: { draw: boons }
      - { id: finish, label: Finish the hunt, goto: done }
endings:
  - { id: done, outcome: success }
  - { id: burnt, outcome: failure, when: { counter: heat, at_least: 100 } }
`;

/** The deck test scenario, parsed; throws if it does not validate. */
export function scenarioDecks(): Scenario {
  const parsed = parseScenario(SCENARIO_DECKS, 'deck-test.yaml');
  if (!parsed.scenario) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  return parsed.scenario;
}
