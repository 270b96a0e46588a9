import type { MeMessage, Projection, TimelineEntry } from '@chaos-quest/engine';
import { asPlayerId, asRoleId, exampleScenario, projectionFor, Table } from '@chaos-quest/engine/testing';

/** Real projections of the engine's example scenario, for the client's tests: the protocol's schemas accept them. */
const scenario = exampleScenario();
const state = new Table(scenario, 'client-tests').seatAndStart(['sre']).state;
const bases = {
  player: projectionFor(scenario, state, { kind: 'role', role: asRoleId('sre') }),
  observer: projectionFor(scenario, state, { kind: 'observer' }),
  facilitator: projectionFor(scenario, state, { kind: 'facilitator' }),
};

/** A timeline entry saying `text`. */
export const entry = (text: string): TimelineEntry => ({
  seq: 1,
  at: { game: 0, wall: 0 },
  kind: 'post',
  text,
  by: 'Ana',
  audience: 'all',
});

/** A projection for `viewer` whose clock reads `label` and whose timeline says `lines`. */
export function projection(label: string, viewer: keyof typeof bases = 'observer', lines: string[] = []): Projection {
  const base = bases[viewer];
  return { ...base, clock: { ...base.clock, label }, timeline: lines.map(entry), timelineCount: lines.length };
}

/** A `me` message for player p1 named `name`. */
export const meMessage = (seq: number, name: string): MeMessage => ({
  seq,
  me: {
    playerId: asPlayerId('p1'),
    name,
    role: null,
    requestedRole: null,
    vote: null,
    hand: false,
    coaching: [],
    audience: false,
    ready: false,
    claims: null,
  },
});
