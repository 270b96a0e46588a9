import { moduleOf } from '../compile/story-1-1.ts';
import type { Effect } from '../scenario/effect-schema.ts';
import { markMilestone, note, type Draft } from './draft.ts';
import { renderText } from './template.ts';

/** What format 1.1 adds to the session around the machine: milestones it reads, narrated effects, secrets, modules. */

/** Shows each role's secrets to the whole table, on the timeline. */
export function revealSecrets(draft: Draft, roles: readonly string[]): void {
  for (const id of roles) {
    const role = draft.game.roles.get(id);
    for (const secret of role?.secrets ?? [])
      note(draft, 'narration', `${role?.name}'s secret: ${secret}`, 'all', 'Scenario');
  }
}

/** The parts of an effect the machine does not hold: its narration, milestone and revealed secrets. */
export function narrateEffect(draft: Draft, effect: Pick<Effect, 'narration' | 'milestone' | 'reveal_secrets'>): void {
  if (effect.narration)
    note(draft, 'narration', renderText(draft.game, draft.state.game.context, effect.narration), 'all', 'Scenario');
  if (effect.reveal_secrets) revealSecrets(draft, effect.reveal_secrets);
  if (effect.milestone) markMilestone(draft, effect.milestone, 'outcome');
}

/** A 1.1 deadline was met or missed: the table hears it, and its effect's narration. */
export function deadlineEnded(draft: Draft, id: string, state: 'met' | 'missed'): void {
  const deadline = draft.game.scenario.deadlines?.find((d) => d.id === id);
  if (!deadline) throw new Error(`The machine ended deadline '${id}', which the scenario does not have.`);
  note(draft, 'clock', `${deadline.title}: ${state === 'met' ? 'met' : 'missed'}`, 'all', 'Scenario');
  const effect = deadline[state];
  if (effect) narrateEffect(draft, effect);
}

/** A 1.1 inject's window passed before it could fire: the facilitator sees it missed. */
export function injectMissed(draft: Draft, id: string): void {
  note(draft, 'inject', `Missed: inject '${id}' can no longer fire`, 'facilitator', 'Scenario');
}

/** Entering a scene of another module: the console moves to its questions, and its wall-clock budget starts. */
export function enterModule(draft: Draft, scene: string): void {
  const scenario = draft.game.scenario;
  if (!scenario.modules) return;
  const module = moduleOf(scenario, scene);
  if (module === null || module === draft.state.module?.id) return;
  draft.state.module = { id: module, startedAt: draft.entry.at };
  const index = scenario.modules.findIndex((m) => m.id === module);
  note(draft, 'phase', `Module ${index + 1} of ${scenario.modules.length}: ${scenario.modules[index]?.title}`);
}
