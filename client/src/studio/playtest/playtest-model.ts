import type { ActionActor, OpenAction, Replay, Scenario, StateSummary, TestStep } from '@chaos-quest/engine';
import { openActions, replayPath, stateSummary } from '@chaos-quest/engine';

/** The actions one actor can take now, split as the panel shows them. */
export interface ActorGroup {
  /** 'facilitator' or the role's id. */
  id: string;
  title: string;
  choices: OpenAction[];
  /** Jumps to another scene: many, so the panel folds them away. */
  gotos: OpenAction[];
  /** The rest by verb ("Reveal", "Advance", "Declare", …), each action's label without it. */
  others: { verb: string; actions: { action: OpenAction; short: string }[] }[];
}

export interface PlaytestModel {
  replay: Replay;
  summary: StateSummary;
  groups: ActorGroup[];
}

export const actorId = (actor: ActionActor): string => (actor === 'facilitator' ? 'facilitator' : actor.role);

/** The facilitator's actions first, then each role's in the scenario's order, every actor listed. Pure. */
export function groupByActor(scenario: Scenario, actions: readonly OpenAction[]): ActorGroup[] {
  const actors = [
    { id: 'facilitator', title: 'Facilitator' },
    ...scenario.roles.map((r) => ({ id: r.id, title: r.name })),
  ];
  return actors.map(({ id, title }) => {
    const own = actions.filter((a) => actorId(a.actor) === id);
    return {
      id,
      title,
      choices: own.filter((a) => a.choice),
      gotos: own.filter((a) => 'goto' in a.step),
      others: byVerb(own.filter((a) => !a.choice && !('goto' in a.step))),
    };
  });
}

/** "Advance 5 min", "Advance 15 min" → Advance: "5 min", "15 min", in the order first met. */
function byVerb(actions: readonly OpenAction[]): ActorGroup['others'] {
  const verbs = new Map<string, { action: OpenAction; short: string }[]>();
  for (const action of actions) {
    const [verb = '', ...rest] = action.label.split(' ');
    verbs.set(verb, [...(verbs.get(verb) ?? []), { action, short: rest.join(' ') }]);
  }
  return [...verbs].map(([verb, list]) => ({ verb, actions: list }));
}

/**
 * Everything the panel shows for `steps` on `scenario`: the replay (with the first step that no
 * longer fits), the summary of where it ends, and what each actor can do there. Pure.
 */
export function playtestModel(
  scenario: Scenario,
  steps: readonly TestStep[],
  options: { seed: string; parameters?: Record<string, string> },
): PlaytestModel {
  const replay = replayPath(scenario, steps, options);
  const actions = replay.broken?.index === -1 ? [] : openActions(scenario, replay.state);
  return { replay, summary: stateSummary(scenario, replay.state), groups: groupByActor(scenario, actions) };
}

/** A step with the roll the author typed, when it lies on the dice; null otherwise. */
export function rolledStep(action: OpenAction, typed: string): TestStep | null {
  const check = action.choice?.check;
  const roll = Number(typed);
  if (!check || !('choose' in action.step) || !Number.isInteger(roll) || roll < check.min || roll > check.max)
    return null;
  return { ...action.step, roll };
}
