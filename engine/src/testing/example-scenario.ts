import { parse } from 'yaml';
import { scenarioSchema, type Scenario } from '../scenario/schema.ts';

/** A small scenario (the DESIGN outline) for the engine's own tests and benchmarks. */
export const EXAMPLE_YAML = `# yaml-language-server: $schema=./schema.json
format: chaos-quest/1
id: dns-ttl-trap
title: The TTL Trap
summary: A resolver change made yesterday breaks checkout in one region.
difficulty: medium
duration: 60
services: [checkout, dns]
clock: { start: "02:00", timebox: 120 }
roles:
  - id: ic
    name: Incident Commander
    brief: You coordinate; you do not touch the keyboard.
    can_apply_choices: true
  - id: sre
    name: On-call SRE
    brief: You hold the pager for checkout.
    secrets: ["Yesterday you raised the resolver TTL to 24h."]
  - id: comms
    name: Communications Lead
    brief: You keep customers and executives informed.
    secrets: ["Support has three tickets from eu-west customers since 02:03."]
system:
  components:
    - { id: edge, name: CDN edge }
    - { id: checkout, name: Checkout API, depends_on: [edge, resolver] }
    - { id: resolver, name: Internal DNS resolver }
escalation:
  - { level: 1, who: On-call SRE, after: 0 }
  - { level: 2, who: Platform lead, after: 15 }
fault: { starts_at: 5, affects: [resolver], summary: Stale records after the TTL change }
flags: [rolled_back]
injects:
  - { id: tweet, at: 20, text: "A customer tweets: checkout keeps spinning." }
  - { id: exec, to: [comms, ic], text: "The VP of sales asks for an ETA." }
start: triage
scenes:
  - id: triage
    narration: Alerts are firing for checkout in eu-west. What do you do first?
    facilitator_notes: Let them argue; the dashboards hold the answer.
    injects:
      - { id: page, at: 10, to: [sre], page: true, text: "PAGE: checkout 5xx at 18% in eu-west" }
    choices:
      - { id: look, label: Open the regional dashboards, takes: 5, goto: dashboards }
      - { id: hold, label: Post a holding statement, takes: 5, goto: triage }
  - id: dashboards
    milestone: detected
    narration: The errors line up with a resolver change made 22 hours ago.
    choices:
      - id: rollback
        label: Roll back the DNS change
        takes: 10
        check:
          dice: d20
          target: 12
          modifiers: [{ role: sre, add: 2 }, { when: { flag: rolled_back }, add: -5 }]
          success: { set: [rolled_back], health: { resolver: ok }, goto: recovered }
          failure: { takes: 10, narration: The rollback times out., goto: dashboards }
endings:
  - { id: recovered, outcome: success, milestone: resolved, debrief: Why did a TTL change skip review? }
  - { id: timeboxed, outcome: failure, when: { time_at_least: 120 } }
`;

export function exampleScenario(): Scenario {
  return scenarioSchema.parse(parse(EXAMPLE_YAML));
}
