import type { CommandOf } from '../protocol/commands.ts';
import type { StepError } from './errors.ts';
import { append, markMilestone, note, now, type Draft } from './draft.ts';
import { sceneOf } from './phase.ts';
import { syncRoles } from './roles.ts';
import { availableChoices } from './choices.ts';
import { own } from './own.ts';

type Out = StepError | void;

const me = (d: Draft) => {
  const actor = d.entry.actor;
  const player = actor.kind === 'player' ? own(d.s.players, actor.playerId) : undefined;
  if (!player) throw new Error('player handlers run only for a seated player');
  return player;
};

export function takeRole(d: Draft, c: CommandOf<'role.take'>): Out {
  const role = d.game.roles.get(c.role);
  if (!role) return { code: 'not-found', message: `There is no role '${c.role}'. Roles: ${[...d.game.roles.keys()].join(', ')}.` };
  const player = me(d);
  if (player.role === c.role) return { code: 'unavailable', message: `You are already the ${role.name}.` };
  d.s.players = { ...d.s.players, [player.id]: { ...player, role: c.role, requestedRole: null } };
  note(d, 'player', `${player.name} takes the role of ${role.name}`);
  syncRoles(d);
}

export function requestRole(d: Draft, c: CommandOf<'role.request'>): Out {
  const role = d.game.roles.get(c.role);
  if (!role) return { code: 'not-found', message: `There is no role '${c.role}'. Roles: ${[...d.game.roles.keys()].join(', ')}.` };
  const player = me(d);
  if (player.role === c.role) return { code: 'unavailable', message: `You are already the ${role.name}.` };
  if (player.requestedRole === c.role) return { code: 'unavailable', message: `You have already asked to be the ${role.name}; the facilitator will answer.` };
  d.s.players = { ...d.s.players, [player.id]: { ...player, requestedRole: c.role } };
  note(d, 'player', `${player.name} asks to be the ${role.name}`, 'facilitator');
}

export function propose(d: Draft, c: CommandOf<'action.propose'>): Out {
  const player = me(d);
  const id = `p${d.entry.seq}`;
  append(d, 'proposals', { id, playerId: player.id, text: c.text, at: now(d), scene: sceneOf(d.s) ?? '' });
  note(d, 'proposal', c.text);
}

export function vote(d: Draft, c: CommandOf<'choice.vote'>): Out {
  const player = me(d);
  if (c.choiceId === null) {
    const { [player.id]: _withdrawn, ...rest } = d.s.votes;
    d.s.votes = rest;
    return;
  }
  if (!availableChoices(d.game, d.s).some((x) => x.id === c.choiceId)) {
    return { code: 'not-found', message: `'${c.choiceId}' is not a choice open to the team right now.` };
  }
  d.s.votes = { ...d.s.votes, [player.id]: c.choiceId };
}

export function declare(d: Draft, c: CommandOf<'incident.declare'>): Out {
  const player = me(d);
  const fault = d.game.scenario.fault;
  const id = `d${d.entry.seq}`;
  const at = now(d);
  let status: 'accepted' | 'pending' | 'false-alarm' = 'pending';
  if (c.kind === 'incident') {
    if (at.game < fault.starts_at) {
      status = 'false-alarm';
      note(d, 'false-alarm', `${player.name} declared an incident before anything was wrong`);
    } else {
      status = 'accepted';
      markMilestone(d, 'detected', 'team');
    }
  }
  append(d, 'declarations', { id, playerId: player.id, kind: c.kind, note: c.note ?? null, at, status });
  if (status !== 'false-alarm') note(d, 'declaration', `${player.name} declares ${c.kind === 'incident' ? 'an incident' : c.kind}${c.note ? `: ${c.note}` : ''}`);
}

export function raiseHand(d: Draft, c: CommandOf<'hand.raise'>): Out {
  const player = me(d);
  if (player.hand === c.raised) return;
  d.s.players = { ...d.s.players, [player.id]: { ...player, hand: c.raised } };
  if (c.raised) note(d, 'player', `${player.name} raised a hand`, 'facilitator');
}

export function acknowledge(d: Draft, c: CommandOf<'inject.ack'>): Out {
  const player = me(d);
  const inject = d.s.revealed.find((r) => r.key === c.key);
  const visible = inject && (inject.to === null || (player.role !== null && inject.to.includes(player.role)));
  if (!inject || !visible) return { code: 'not-found', message: `There is no inject '${c.key}' for you to acknowledge.` };
  if (!inject.page) return { code: 'unavailable', message: 'Only a page can be acknowledged.' };
  if (inject.acknowledgedBy.includes(player.id)) return { code: 'unavailable', message: 'You have already acknowledged this page.' };
  d.s.revealed = d.s.revealed.map((r) => (r === inject ? { ...r, acknowledgedBy: [...r.acknowledgedBy, player.id] } : r));
  note(d, 'page', `${player.name} acknowledged the page`);
  markMilestone(d, 'acknowledged', 'page');
}
