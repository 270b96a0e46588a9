import { gameOf } from '../compile/game.ts';
import { diceRange } from '../dice/dice.ts';
import { formatOdds, successOdds } from '../dice/odds.ts';
import type { Check, Choice, Dice, Scenario } from '../scenario/schema.ts';
import type { TestStep } from '../scenario/tests-schema.ts';
import { availableChoices } from '../session/choices.ts';
import { sceneOf } from '../session/phase.ts';
import type { RollRecord, SessionState } from '../session/state.ts';
import { modifierSum } from './check-odds.ts';
import { playStep, seatOf } from './play-step.ts';

/**
 * What an author can do next in a solo playtest, as steps. Each offer is tried on the real engine
 * before it is listed, so the list holds exactly what the engine would accept, never a re-derived rule.
 */

/** Who does an action: the facilitator, or the player seated in a role. */
export type ActionActor = 'facilitator' | { role: string };

export interface OpenAction {
  actor: ActionActor;
  label: string;
  /** For a check, the step that throws the seeded dice; each of `choice.check.rolls` names its roll. */
  step: TestStep;
  /** For a choice: its id, and for a check its exact odds with example rolls. */
  choice?: { id: string; check: CheckOffer | null };
}

/** A check as the table would roll it now. */
export interface CheckOffer {
  dice: Dice;
  target: number;
  /** The modifiers that apply now, summed. */
  add: number;
  /** "11 in 20 (55%)". */
  odds: string;
  /** The natural results the dice can show, for a roll input. */
  min: number;
  max: number;
  /** One roll for each result the check can take, highest roll first. */
  rolls: RollOffer[];
}

export interface RollOffer {
  roll: number;
  result: 'success' | 'failure' | NonNullable<RollRecord['grade']>;
  /** "Roll 14 — succeeds (55%)". */
  label: string;
  step: TestStep;
}

const RESULT_WORDS: Record<RollOffer['result'], string> = {
  success: 'succeeds',
  failure: 'fails',
  critical_success: 'critical success',
  critical_failure: 'critical failure',
  complication: 'succeeds with a complication',
};

const ADVANCES = [5, 15, 30, 60] as const;
const MARKS = ['detected', 'mitigated', 'resolved'] as const;
const DECLARATIONS = ['incident', 'mitigated', 'resolved'] as const;

/**
 * Every action open in `state`, for the facilitator and each role of `scenario`: the scene's choices
 * (under the role that decides or rolls one, else the facilitator), injects to reveal, pages to
 * acknowledge, declarations and their confirmation, the clock, milestones and a jump to any scene.
 * Empty once the game has ended. Pure.
 */
export function openActions(scenario: Scenario, state: SessionState): OpenAction[] {
  const game = gameOf(scenario);
  const fits = (s: TestStep) => playStep(scenario, state, s).ok;
  const offer = (actor: ActionActor, label: string, s: TestStep): OpenAction[] =>
    fits(s) ? [{ actor, label, step: s }] : [];
  const roles = scenario.roles.filter((r) => state.game.context.rolesPresent.includes(r.id)).map((r) => r.id);
  const facilitator = 'facilitator' as const;
  return [
    ...availableChoices(game, state).flatMap((choice) => choiceActions(scenario, state, choice)),
    ...[...game.injects.values()]
      .filter(({ inject }) => !state.revealed.some((r) => r.injectId === inject.id))
      .flatMap(({ inject }) => offer(facilitator, `Reveal ${inject.id}`, { reveal: inject.id })),
    ...state.revealed
      .filter((r) => r.page)
      .flatMap((r) =>
        roles
          .filter((role) => !r.acknowledgedBy.includes(seatOf(role)))
          .flatMap((role) => offer({ role }, `Acknowledge ${r.key}`, { ack: r.key, by: role })),
      ),
    ...roles.flatMap((role) =>
      DECLARATIONS.flatMap((kind) => offer({ role }, `Declare ${kind}`, { declare: kind, by: role })),
    ),
    ...[...new Set(state.declarations.filter((d) => d.status === 'pending').map((d) => d.kind))].flatMap((kind) =>
      offer(facilitator, `Confirm ${kind}`, { confirm: kind }),
    ),
    ...(fits({ advance: ADVANCES[0] })
      ? ADVANCES.map((minutes) => ({ actor: facilitator, label: `Advance ${minutes} min`, step: { advance: minutes } }))
      : []),
    ...MARKS.filter((m) => state.milestones[m] === undefined).flatMap((m) =>
      offer(facilitator, `Mark ${m}`, { mark: m }),
    ),
    ...scenario.scenes
      .filter((s) => s.id !== sceneOf(state))
      .flatMap((s) => offer(facilitator, `Go to ${s.title ?? s.id}`, { goto: s.id })),
  ];
}

/** A choice under whoever decides it, tried as that role (falling back to the facilitator). */
function choiceActions(scenario: Scenario, state: SessionState, choice: Choice): OpenAction[] {
  const decider = choice.decided_by ?? choice.check?.rolled_by;
  const by = decider && playStep(scenario, state, { choose: choice.id, by: decider }).ok ? decider : undefined;
  const actor: ActionActor = by ? { role: by } : 'facilitator';
  const plain: TestStep = by ? { choose: choice.id, by } : { choose: choice.id };
  if (!playStep(scenario, state, plain).ok) return [];
  const check = choice.check ? checkOffer(scenario, state, choice.id, choice.check, by) : null;
  return [{ actor, label: choice.label, step: plain, choice: { id: choice.id, check } }];
}

function checkOffer(
  scenario: Scenario,
  state: SessionState,
  choiceId: string,
  check: Check,
  by: string | undefined,
): CheckOffer {
  const add = modifierSum(check, state.game.context);
  const odds = successOdds(check.dice, check.target, add);
  const { min, max } = diceRange(check.dice);
  const edge = check.target - add;
  // The rolls either side of the target come first, so a plain success shows the lowest roll that makes it.
  const candidates = [edge + (check.complication?.within ?? 0), edge, edge - 1, max, min];
  const rolls: RollOffer[] = [];
  for (const roll of [...new Set(candidates)].filter((r) => r >= min && r <= max)) {
    const s: TestStep = by ? { choose: choiceId, roll, by } : { choose: choiceId, roll };
    const result = rollResult(scenario, state, s);
    if (!result || rolls.some((r) => r.result === result)) continue;
    const label = `Roll ${roll} — ${RESULT_WORDS[result]}${chance(result, odds)}`;
    rolls.push({ roll, result, label, step: s });
  }
  rolls.sort((a, b) => b.roll - a.roll);
  return { dice: check.dice, target: check.target, add, odds: formatOdds(odds), min, max, rolls };
}

/** How the engine grades `s`'s roll, read from the roll it records; null if it refuses the step. */
function rollResult(scenario: Scenario, state: SessionState, s: TestStep): RollOffer['result'] | null {
  const played = playStep(scenario, state, s);
  if (!played.ok) return null;
  const roll = played.state.rolls.at(-1);
  if (!roll || roll === state.rolls.at(-1)) return null;
  return roll.grade ?? (roll.success ? 'success' : 'failure');
}

/** " (55%)": the chance of a plain success or failure, as `formatOdds` prints it; graded results have none here. */
function chance(result: RollOffer['result'], { hits, of }: { hits: number; of: number }): string {
  if (result !== 'success' && result !== 'failure') return '';
  const odds = result === 'success' ? { hits, of } : { hits: of - hits, of };
  return ` (${formatOdds(odds).replace(/^.*\((.*)\)$/, '$1')})`;
}
