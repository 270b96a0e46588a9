import type { CommandOf } from '../protocol/commands.ts';
import { throwDice } from './throw-dice.ts';
import type { StepError } from './errors.ts';
import { append, markMilestone, note, now, reveal, send, type Draft } from './draft.ts';
import { sceneOf } from './phase.ts';
import { syncRoles } from './roles.ts';
import { own } from './own.ts';

type Out = StepError | void;

export function brief(d: Draft): Out {
  note(d, 'phase', 'Briefing: players read their role cards');
  send(d, { type: 'BRIEF' });
}

export function start(d: Draft): Out {
  note(d, 'phase', 'The quest begins');
  send(d, { type: 'START' });
}

export function pause(d: Draft): Out {
  d.s.paused = true;
  note(d, 'phase', 'Paused');
}

export function resume(d: Draft): Out {
  d.s.paused = false;
  note(d, 'phase', 'Resumed');
}

export function end(d: Draft, c: CommandOf<'session.end'>): Out {
  if (c.note) note(d, 'narration', c.note);
  send(d, { type: 'END', outcome: c.outcome });
}

export function close(d: Draft): Out {
  send(d, { type: 'CLOSE' });
  note(d, 'phase', 'Session closed');
}

export function advance(d: Draft, c: CommandOf<'clock.advance'>): Out {
  send(d, { type: 'ADVANCE', minutes: c.minutes });
  note(d, 'clock', `Clock advanced ${c.minutes} min`);
}

export function tick(d: Draft): Out {
  send(d, { type: 'ADVANCE', minutes: 1 });
}

export function pace(d: Draft, c: CommandOf<'clock.pace'>): Out {
  d.s.pace = c.secondsPerMinute;
  note(d, 'clock', c.secondsPerMinute === null ? 'The clock waits for the facilitator' : `The clock runs: one game minute every ${c.secondsPerMinute} s`);
}

export function revealInject(d: Draft, c: CommandOf<'inject.reveal'>): Out {
  const found = d.game.injects.get(c.injectId);
  if (!found) return { code: 'not-found', message: `There is no inject '${c.injectId}' in this scenario.` };
  if (d.s.revealed.some((r) => r.injectId === c.injectId)) return { code: 'unavailable', message: `Inject '${c.injectId}' has already been revealed.` };
  reveal(d, c.injectId, found.inject);
}

export function improvise(d: Draft, c: CommandOf<'inject.improvise'>): Out {
  const unknown = (c.to ?? []).filter((r) => !d.game.roles.has(r));
  if (unknown.length > 0) return { code: 'not-found', message: `No such role: ${unknown.join(', ')}.` };
  reveal(d, null, { text: c.text, page: c.page ?? false, to: c.to });
}

export function gotoScene(d: Draft, c: CommandOf<'scene.goto'>): Out {
  if (!d.game.scenes.has(c.sceneId) && !d.game.endings.has(c.sceneId)) {
    return { code: 'not-found', message: `There is no scene or ending '${c.sceneId}'.` };
  }
  if (sceneOf(d.s) === c.sceneId) return { code: 'unavailable', message: `The party is already in '${c.sceneId}'.` };
  send(d, { type: 'GOTO', target: c.sceneId });
}

export function mark(d: Draft, c: CommandOf<'milestone.mark'>): Out {
  if (!markMilestone(d, c.milestone, c.source ?? 'facilitator')) {
    return { code: 'unavailable', message: `'${c.milestone}' is already marked.` };
  }
}

export function confirm(d: Draft, c: CommandOf<'declaration.confirm'>): Out {
  const declaration = d.s.declarations.find((x) => x.id === c.declarationId);
  if (!declaration) return { code: 'not-found', message: `There is no declaration '${c.declarationId}'.` };
  if (declaration.status !== 'pending') return { code: 'unavailable', message: `That declaration is already ${declaration.status}.` };
  d.s.declarations = d.s.declarations.map((x) => (x === declaration ? { ...x, status: 'confirmed' as const } : x));
  if (declaration.kind !== 'incident') markMilestone(d, declaration.kind, 'team', declaration.at);
}

export function coach(d: Draft, c: CommandOf<'coach'>): Out {
  const player = own(d.s.players, c.playerId);
  if (!player || player.removed) return { code: 'not-found', message: `There is no player '${c.playerId}' at the table.` };
  append(d, 'coaching', { seq: d.entry.seq, playerId: c.playerId, text: c.text, at: now(d) });
}

export function roll(d: Draft, c: CommandOf<'dice.roll'>): Out {
  const natural = throwDice(d, c.dice, `dice:${c.label}`, c.physical);
  if (typeof natural !== 'number') return natural;
  append(d, 'rolls', {
    seq: d.entry.seq, label: c.label, choice: null, dice: c.dice, natural, modifiers: [], total: natural,
    target: null, success: null, physical: c.physical !== undefined, at: now(d),
  });
  note(d, 'roll', `${c.label}: ${c.dice} → ${natural}`);
}

export function assign(d: Draft, c: CommandOf<'player.assign'>): Out {
  const player = own(d.s.players, c.playerId);
  if (!player || player.removed) return { code: 'not-found', message: `There is no player '${c.playerId}' at the table.` };
  if (c.role !== null && !d.game.roles.has(c.role)) return { code: 'not-found', message: `There is no role '${c.role}' in this scenario.` };
  d.s.players = { ...d.s.players, [player.id]: { ...player, role: c.role, requestedRole: null } };
  note(d, 'player', `${player.name} is now ${c.role ? d.game.roles.get(c.role)?.name : 'without a role'}`);
  syncRoles(d);
}

export function remove(d: Draft, c: CommandOf<'player.remove'>): Out {
  const player = own(d.s.players, c.playerId);
  if (!player || player.removed) return { code: 'not-found', message: `There is no player '${c.playerId}' at the table.` };
  d.s.players = { ...d.s.players, [player.id]: { ...player, removed: true, hand: false, requestedRole: null } };
  const { [player.id]: _dropped, ...votes } = d.s.votes;
  d.s.votes = votes;
  note(d, 'player', `${player.name} left the table`);
  syncRoles(d);
}

export function join(d: Draft, c: CommandOf<'player.join'>): Out {
  if (own(d.s.players, c.playerId)) return { code: 'unavailable', message: `Player '${c.playerId}' has already joined.` };
  d.s.players = { ...d.s.players, [c.playerId]: { id: c.playerId, name: c.name, role: null, hand: false, removed: false, joinedAt: d.entry.at, requestedRole: null } };
  note(d, 'player', `${c.name} joined`, 'all', c.name);
}

export function declineRole(d: Draft, c: CommandOf<'role.decline'>): Out {
  const player = own(d.s.players, c.playerId);
  if (!player || player.removed) return { code: 'not-found', message: `There is no player '${c.playerId}' at the table.` };
  if (player.requestedRole === null) return { code: 'unavailable', message: `${player.name} has not asked for another role.` };
  d.s.players = { ...d.s.players, [player.id]: { ...player, requestedRole: null } };
  note(d, 'player', `${player.name} keeps their seat for now`, 'facilitator');
}
