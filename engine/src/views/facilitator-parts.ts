import type { Game } from '../compile/game.ts';
import { dueMinute } from '../session/inject-timing.ts';
import { sceneOf } from '../session/phase.ts';
import { renderText } from '../session/template.ts';
import type { SessionState } from '../session/state.ts';
import type { FacilitatorView, InjectPlan, PublicView } from './view.ts';

/** Every inject of the scenario with where it stands: revealed, missed, waiting or upcoming. */
export function injectPlan(game: Game, state: SessionState): InjectPlan[] {
  const current = sceneOf(state);
  const context = state.game.context;
  return [...game.injects.values()].map((held) => {
    const { inject, scene, module } = held;
    const revealed = state.revealed.find((r) => r.injectId === inject.id);
    const timed = dueMinute(game, context, held);
    const due = timed ?? inject.at ?? null;
    const status = revealed
      ? 'revealed'
      : context.missed?.includes(inject.id)
        ? 'missed'
        : due !== null && due <= context.clock
          ? 'waiting'
          : 'upcoming';
    return {
      id: inject.id,
      scene,
      ...(module !== null ? { module } : {}),
      at: inject.at ?? null,
      to: inject.to ?? null,
      page: inject.page,
      text: renderText(game, context, inject.text),
      notes: inject.facilitator_notes ?? null,
      revealed: revealed !== undefined,
      available: (scene === null && (module === null || module === state.module?.id)) || scene === current,
      status,
      // 1.0 names a due minute only once it has passed; 1.1 knows it ahead for relative injects too.
      due: revealed ? (revealed.due ?? null) : status === 'waiting' || timed !== null ? due : null,
    };
  });
}

/** Roles no seated player holds: what reaches them reaches the facilitator alone. Kept per list of roles present. */
export function emptyRoles(game: Game, state: SessionState): string[] {
  const present = state.game.context.rolesPresent;
  let empty = madeEmptyRoles.get(present);
  if (!empty) {
    const held = new Set(present);
    empty = game.scenario.roles.filter((r) => !held.has(r.id)).map((r) => r.id);
    madeEmptyRoles.set(present, empty);
  }
  return empty;
}

const madeEmptyRoles = new WeakMap<readonly string[], string[]>();

/** The players' open requests for a role and their seat claims: made once per players record, as most commands leave it alone. */
export function seatAsks(players: SessionState['players']): Pick<FacilitatorView, 'roleRequests' | 'seatClaims'> {
  let asks = madeSeatAsks.get(players);
  if (!asks) {
    const seated = Object.values(players).filter((p) => !p.removed);
    asks = {
      roleRequests: seated.flatMap((p) => (p.requestedRole ? [{ playerId: p.id, role: p.requestedRole }] : [])),
      seatClaims: seated.flatMap((p) => (p.claims ? [{ playerId: p.id, claims: p.claims }] : [])),
    };
    madeSeatAsks.set(players, asks);
  }
  return asks;
}

const madeSeatAsks = new WeakMap<SessionState['players'], Pick<FacilitatorView, 'roleRequests' | 'seatClaims'>>();

/** Keys of the injects in the window sent only to roles nobody holds: kept while the window and the empty roles are the same. */
export function unheldOf(injects: PublicView['injects'], empty: readonly string[]): string[] {
  const known = madeUnheld.get(injects);
  if (known && known.empty === empty) return known.keys;
  const keys = injects.filter((r) => r.to !== null && r.to.every((role) => empty.includes(role))).map((r) => r.key);
  madeUnheld.set(injects, { empty, keys });
  return keys;
}

const madeUnheld = new WeakMap<PublicView['injects'], { empty: readonly string[]; keys: string[] }>();
