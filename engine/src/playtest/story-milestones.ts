import type { ChoiceBranch } from '../compile/compile.ts';
import type { Game } from '../compile/game.ts';
import { MILESTONES, type Milestone } from '../scenario/schema-atoms.ts';
import type { Choice } from '../scenario/schema.ts';

const isMilestone = (m: string | undefined): m is Milestone => MILESTONES.includes(m as Milestone);

/**
 * The milestones a session marks for what the machine announced (a scene entered, an inject fired, a
 * deadline ended) and for the choice taken, as session/send.ts and the choice command do. Pure.
 */
export function milestonesAnnounced(
  game: Game,
  actions: readonly { type: string; params?: unknown }[],
  chosen: { choice: Choice; branch: ChoiceBranch } | null,
): Milestone[] {
  const out: (string | undefined)[] = [];
  for (const action of actions) {
    const params = (action.params ?? {}) as Record<string, string>;
    if (action.type === 'sceneEntered') out.push(game.scenes.get(params['scene'] ?? '')?.milestone);
    else if (action.type === 'injectFired')
      out.push(game.injects.get(params['inject'] ?? '')?.inject.effect?.milestone);
    else if (action.type === 'deadlineEnded') {
      const deadline = game.scenario.deadlines?.find((d) => d.id === params['deadline']);
      out.push(deadline?.[params['state'] === 'met' ? 'met' : 'missed']?.milestone);
    }
  }
  if (chosen) {
    const choice = chosen.choice;
    const check = choice.check;
    const branch = chosen.branch;
    const success = branch === 'success' || branch === 'critical_success' || branch === 'complication';
    const taken = check && branch !== 'plain' ? (check[branch] ?? (success ? check.success : check.failure)) : null;
    out.push(taken?.milestone ?? choice.milestone);
  }
  return out.filter(isMilestone);
}
