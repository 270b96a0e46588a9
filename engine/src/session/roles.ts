import { send, type Draft } from './draft.ts';

/** Tells the machine which roles have a player, for `role_present` conditions and role modifiers. */
export function syncRoles(d: Draft): void {
  const present = [...new Set(Object.values(d.s.players).filter((p) => !p.removed && p.role).map((p) => p.role as string))].sort();
  const current = d.s.game.context.rolesPresent;
  if (present.length === current.length && present.every((r, i) => r === current[i])) return;
  send(d, { type: 'ROLES', present });
}
