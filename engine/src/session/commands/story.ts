import { z } from 'zod';
import { userText } from '../../protocol/command-fields.ts';
import { asChoiceId, choiceIdSchema, sceneIdSchema } from '../../protocol/ids.ts';
import type { ChoiceBranch } from '../../compile/compile.ts';
import { is1_1 } from '../../compile/story-1-1.ts';
import type { Game } from '../../compile/game.ts';
import { diceRange } from '../../dice/dice.ts';
import type { GradedBranch } from '../../scenario/scenario-parts.ts';
import { DICE, type Branch, type Check, type Choice } from '../../scenario/schema.ts';
import type { StepError } from '../errors.ts';
import { revealSecrets } from '../story-1-1.ts';
import { renderText } from '../template.ts';
import { activeModifiers, availableChoices } from '../choices.ts';
import { LIVE, defineCommand } from '../command-definition.ts';
import { append, markMilestone, note, now, type Draft } from '../draft.ts';
import { send } from '../send.ts';
import { sceneOf } from '../phase.ts';
import { sendingPlayer } from '../roles.ts';
import type { RollRecord, TimelineEntry } from '../state.ts';
import { throwDice } from '../throw-dice.ts';

/** The story: choices voted on and applied, scenes jumped to, dice rolled. */

const physicalDie = z.number().int().min(1).max(100).optional();

export const sceneGoto = defineCommand('scene.goto', {
  payload: { sceneId: sceneIdSchema },
  senders: 'facilitator',
  phases: ['running'],
  handle: (draft, command) => {
    if (!draft.game.scenes.has(command.sceneId) && !draft.game.endings.has(command.sceneId)) {
      return { code: 'not-found', message: `There is no scene or ending '${command.sceneId}'.` };
    }
    // The machine would take this (leaving and re-entering the scene); the table is better served by a refusal.
    if (sceneOf(draft.state) === command.sceneId)
      return { code: 'unavailable', message: `The party is already in '${command.sceneId}'.` };
    send(draft, { type: 'GOTO', target: command.sceneId });
  },
});

export const choiceVote = defineCommand('choice.vote', {
  payload: { choiceId: choiceIdSchema.nullable() },
  senders: 'player',
  phases: ['running'],
  handle: (draft, command) => {
    const player = sendingPlayer(draft);
    if (command.choiceId === null) {
      const { [player.id]: _withdrawn, ...rest } = draft.state.votes;
      draft.state.votes = rest;
      return;
    }
    if (!availableChoices(draft.game, draft.state).some((x) => x.id === command.choiceId)) {
      return { code: 'not-found', message: `'${command.choiceId}' is not a choice open to the team right now.` };
    }
    draft.state.votes = { ...draft.state.votes, [player.id]: command.choiceId };
  },
});

/** A facilitator, or a role the scenario lets apply choices. `physical` is a dice result rolled at the table. */
export const choiceApply = defineCommand('choice.apply', {
  payload: { choiceId: choiceIdSchema, physical: physicalDie },
  senders: 'either',
  phases: ['running'],
  // A role that decides or rolls some choice (1.1) may send it; the handler checks it is that choice.
  authorize: (game, player) => {
    const role = player.role ? game.roles.get(player.role) : undefined;
    return role?.can_apply_choices || (role && decidingRoles(game).has(role.id))
      ? null
      : { code: 'forbidden', message: 'Your role proposes and votes; the facilitator applies choices.' };
  },
  handle: (draft, command) => {
    const scene = sceneOf(draft.state) ?? '';
    const open = availableChoices(draft.game, draft.state);
    const choice = open.find((x) => x.id === command.choiceId);
    if (!choice) {
      const ids = open.map((x) => x.id).join(', ') || 'none';
      return {
        code: 'not-found',
        message: `'${command.choiceId}' is not open in scene '${scene}'. Open choices: ${ids}.`,
      };
    }
    const refused = notTheirs(draft, choice);
    if (refused) return refused;
    const at = now(draft);
    let branch: ChoiceBranch = 'plain';
    let taken: Branch | null = null;
    // Dice are rolled here, outside the machine, so that the machine stays pure: CHOOSE carries the branch.
    if (choice.check) {
      const check = choice.check;
      const natural = throwDice(draft, check.dice, `choice:${choice.id}`, command.physical);
      if (typeof natural !== 'number') return natural;
      const modifiers = activeModifiers(draft.game, draft.state, check);
      const total = natural + modifiers.reduce((sum, m) => sum + m.add, 0);
      branch = gradeRoll(check, natural, total);
      const success = branch === 'success' || branch === 'critical_success' || branch === 'complication';
      taken = check[branch] ?? (success ? check.success : check.failure);
      append(draft, 'rolls', {
        seq: draft.entry.seq,
        label: choice.label,
        choice: asChoiceId(choice.id),
        dice: check.dice,
        natural,
        modifiers,
        total,
        target: check.target,
        success,
        physical: command.physical !== undefined,
        at,
        ...(branch === 'success' || branch === 'failure' ? {} : { grade: branch }),
      });
    }
    append(draft, 'decisions', {
      seq: draft.entry.seq,
      scene,
      choice: asChoiceId(choice.id),
      label: choice.label,
      by: draft.by,
      at,
      outcome:
        branch === 'plain' ? 'done' : draft.state.rolls[draft.state.rolls.length - 1]?.success ? 'success' : 'failure',
    });
    note(draft, 'choice', choice.label);
    const last = draft.state.rolls[draft.state.rolls.length - 1];
    if (taken && last) note(draft, 'roll', rollLine(last));
    const narration = taken?.narration ?? choice.narration;
    const v1_1 = is1_1(draft.game.scenario);
    if (narration && !v1_1) note(draft, 'narration', narration);
    const told = draft.state.timeline.length;
    send(draft, { type: 'CHOOSE', choice: choice.id, branch });
    // 1.1: told where it happened, before the scene it leads to, but read against the state it leads to
    // (its text shows the clock after the choice's cost).
    if (narration && v1_1) tellBefore(draft, told, renderText(draft.game, draft.state.game.context, narration));
    const secrets = [...(choice.reveal_secrets ?? []), ...(taken?.reveal_secrets ?? [])];
    if (secrets.length > 0) revealSecrets(draft, secrets);
    const milestone = taken?.milestone ?? choice.milestone;
    if (milestone) markMilestone(draft, milestone, milestone === 'detected' ? 'team' : 'outcome');
  },
});

/** A narration note placed at `index` of the timeline, where it belongs in the story's order. */
function tellBefore(draft: Draft, index: number, text: string): void {
  note(draft, 'narration', text);
  const timeline = draft.state.timeline;
  if (index >= timeline.length - 1) return;
  const told = timeline[timeline.length - 1] as TimelineEntry;
  draft.state.timeline = [...timeline.slice(0, index), told, ...timeline.slice(index, -1)];
}

const GRADE_WORDS = {
  critical_success: 'critical success',
  critical_failure: 'critical failure',
  complication: 'success with a complication',
} as const;

/** "d20 6 + 3 − 2 = 7 vs 12: failure", as the timeline shows a check. */
function rollLine(roll: RollRecord): string {
  const modifiers = roll.modifiers.map((m) => ` ${m.add >= 0 ? '+' : '−'} ${Math.abs(m.add)}`).join('');
  const result = roll.grade ? GRADE_WORDS[roll.grade] : roll.success ? 'success' : 'failure';
  return `${roll.dice} ${roll.natural}${modifiers} = ${roll.total} vs ${roll.target}: ${result}`;
}

/**
 * Which branch a roll takes. A natural maximum or minimum takes the check's critical branch when it
 * has one (whatever the modifiers), and a success by less than `complication.within` its complication.
 */
function gradeRoll(check: Check, natural: number, total: number): GradedBranch {
  const { min, max } = diceRange(check.dice);
  if (natural === max && check.critical_success) return 'critical_success';
  if (natural === min && check.critical_failure) return 'critical_failure';
  if (total < check.target) return 'failure';
  return check.complication && total < check.target + check.complication.within ? 'complication' : 'success';
}

const deciders = new WeakMap<Game, ReadonlySet<string>>();

/** Roles that decide or roll at least one choice of the scenario (1.1 `decided_by`, `rolled_by`). */
function decidingRoles(game: Game): ReadonlySet<string> {
  let roles = deciders.get(game);
  if (!roles) {
    const all = [...game.scenario.scenes.flatMap((s) => s.choices ?? []), ...(game.scenario.actions ?? [])];
    roles = new Set(all.flatMap((c) => [c.decided_by, c.check?.rolled_by].filter((r) => r !== undefined)));
    deciders.set(game, roles);
  }
  return roles;
}

/** A player whose role only decides or rolls some choices may apply those, and no other. */
function notTheirs(draft: Draft, choice: Choice): StepError | null {
  const actor = draft.entry.actor;
  if (actor.kind !== 'player') return null;
  const role = draft.game.roles.get(sendingPlayer(draft).role ?? '');
  if (role?.can_apply_choices || choice.decided_by === role?.id || choice.check?.rolled_by === role?.id) return null;
  const who = choice.decided_by ?? choice.check?.rolled_by;
  const name = who ? (draft.game.roles.get(who)?.name ?? who) : 'the facilitator';
  return { code: 'forbidden', message: `'${choice.label}' is for ${name} to ${choice.check ? 'roll' : 'decide'}.` };
}

/** An improvised roll: no target, just a number for the facilitator to interpret. */
export const diceRoll = defineCommand('dice.roll', {
  payload: { dice: z.enum(DICE), label: userText(200), physical: physicalDie },
  senders: 'facilitator',
  phases: LIVE,
  handle: (draft: Draft, command) => {
    const natural = throwDice(draft, command.dice, `dice:${command.label}`, command.physical);
    if (typeof natural !== 'number') return natural;
    append(draft, 'rolls', {
      seq: draft.entry.seq,
      label: command.label,
      choice: null,
      dice: command.dice,
      natural,
      modifiers: [],
      total: natural,
      target: null,
      success: null,
      physical: command.physical !== undefined,
      at: now(draft),
    });
    note(draft, 'roll', `${command.label}: ${command.dice} → ${natural}`);
  },
});
