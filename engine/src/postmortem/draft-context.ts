import { gameOf, type Game } from '../compile/game.ts';
import { incidentRecord, type IncidentRecord } from '../incident/record.ts';
import type { SessionId } from '../protocol/ids.ts';
import type { Health, Scenario } from '../scenario/schema.ts';
import { own } from '../session/own.ts';
import type { SessionState } from '../session/state.ts';
import { gameTimeFormat } from '../time/format.ts';

/** What every section of the draft reads: the run, and how to say its times and names. */
export interface DraftContext {
  scenario: Scenario;
  state: SessionState;
  game: Game;
  record: IncidentRecord;
  /** A game minute as the clock shows it, with the day when the exercise runs past midnight. */
  at: (minutes: number) => string;
  /** A component's name, from its id. */
  component: (id: string) => string;
  /** The role a player sat in, by name ("the On-call SRE"), never the player's own name. */
  seat: (playerId: string) => string;
  /** The worst health each component reached during the run, as far as the story shows it. */
  worst: ReadonlyMap<string, Health>;
}

const RANK: Record<Health, number> = { ok: 0, degraded: 1, down: 2 };

/** Builds the context of one session's draft. Pure. */
export function draftContext(scenario: Scenario, state: SessionState): DraftContext {
  const game = gameOf(scenario);
  // The record's session id is never written into the draft: the prose names no ids.
  const record = incidentRecord(scenario, state, '' as SessionId);
  const { fault } = scenario;
  const minutes = [
    fault.starts_at,
    fault.impact_at ?? fault.starts_at,
    state.game.context.clock,
    ...state.timeline.map((t) => t.at.game),
  ];
  const names = new Map(scenario.system.components.map((c) => [c.id, c.name]));
  return {
    scenario,
    state,
    game,
    record,
    at: gameTimeFormat(scenario.clock.start, minutes),
    component: (id) => names.get(id) ?? id,
    seat: (playerId) => {
      const role = own(state.players, playerId)?.role;
      const name = role ? game.roles.get(role)?.name : undefined;
      return name ? `the ${name}` : 'a player without a role';
    },
    worst: worstHealth(game, state),
  };
}

/** Each component's worst health: its start, every scene the team passed through, every branch taken, and now. */
function worstHealth(game: Game, state: SessionState): Map<string, Health> {
  const worst = new Map<string, Health>();
  const see = (health: Readonly<Record<string, Health>> | undefined) => {
    for (const [id, h] of Object.entries(health ?? {})) {
      const was = worst.get(id);
      if (was === undefined || RANK[h] > RANK[was]) worst.set(id, h);
    }
  };
  see(Object.fromEntries(game.scenario.system.components.map((c) => [c.id, c.health])));
  for (const scene of state.path) see(game.scenes.get(scene)?.health);
  for (const d of state.decisions) {
    const choice = game.scenes.get(d.scene)?.choices?.find((c) => c.id === d.choice);
    if (!choice) continue;
    see(d.outcome === 'done' ? choice.health : choice.check?.[d.outcome]?.health);
  }
  see(state.game.context.health);
  return worst;
}

/** A sentence's first letter in upper case ("the On-call SRE declared…" opening a line). */
export const capital = (text: string): string => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
