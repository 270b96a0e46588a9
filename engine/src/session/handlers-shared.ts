import type { CommandOf } from '../protocol/commands.ts';
import { throwDice } from './throw-dice.ts';
import type { Branch } from '../scenario/schema.ts';
import type { StepError } from './errors.ts';
import { append, markMilestone, note, now, send, type Draft } from './draft.ts';
import { sceneOf } from './phase.ts';
import { activeModifiers, availableChoices } from './choices.ts';

type Out = StepError | void;

export function applyChoice(d: Draft, c: CommandOf<'choice.apply'>): Out {
  const scene = sceneOf(d.s) ?? '';
  const choice = availableChoices(d.game, d.s).find((x) => x.id === c.choiceId);
  if (!choice) {
    const open = availableChoices(d.game, d.s).map((x) => x.id);
    return { code: 'not-found', message: `'${c.choiceId}' is not open in scene '${scene}'. Open choices: ${open.join(', ') || 'none'}.` };
  }
  const at = now(d);
  let branch: 'plain' | 'success' | 'failure' = 'plain';
  let taken: Branch | null = null;
  if (choice.check) {
    const check = choice.check;
    const natural = throwDice(d, check.dice, `choice:${choice.id}`, c.physical);
    if (typeof natural !== 'number') return natural;
    const modifiers = activeModifiers(d.game, d.s, check);
    const total = natural + modifiers.reduce((sum, m) => sum + m.add, 0);
    const success = total >= check.target;
    branch = success ? 'success' : 'failure';
    taken = success ? check.success : check.failure;
    append(d, 'rolls', {
      seq: d.entry.seq, label: choice.label, choice: choice.id, dice: check.dice, natural, modifiers, total,
      target: check.target, success, physical: c.physical !== undefined, at,
    });
  }
  append(d, 'decisions', { seq: d.entry.seq, scene, choice: choice.id, label: choice.label, by: d.by, at, outcome: branch === 'plain' ? 'done' : branch });
  note(d, 'choice', choice.label);
  const last = d.s.rolls[d.s.rolls.length - 1];
  if (taken && last) note(d, 'roll', `${last.dice} ${last.natural}${last.modifiers.map((m) => ` ${m.add >= 0 ? '+' : '−'} ${Math.abs(m.add)}`).join('')} = ${last.total} vs ${last.target}: ${last.success ? 'success' : 'failure'}`);
  const narration = taken?.narration ?? choice.narration;
  if (narration) note(d, 'narration', narration);
  send(d, { type: 'CHOOSE', choice: choice.id, branch });
  const milestone = taken?.milestone ?? choice.milestone;
  if (milestone) markMilestone(d, milestone, milestone === 'detected' ? 'team' : 'outcome');
}

export function post(d: Draft, c: CommandOf<'timeline.post'>): Out {
  note(d, 'post', c.text);
}

export function addActionItem(d: Draft, c: CommandOf<'action-item.add'>): Out {
  append(d, 'actionItems', { id: `a${d.entry.seq}`, text: c.text, owner: c.owner ?? null, by: d.by, at: now(d) });
  note(d, 'action-item', c.text);
}
