import type { View } from '@chaos-quest/engine';

/** Role names and player names by id, as lookups for the board's components. Pure. */
export function namesOf(view: View): { roleNames: Record<string, string>; playerNames: Record<string, string> } {
  return {
    roleNames: Object.fromEntries(view.scenario.roles.map((r) => [r.id, r.name])),
    playerNames: Object.fromEntries(view.players.map((p) => [p.id, p.name])),
  };
}
