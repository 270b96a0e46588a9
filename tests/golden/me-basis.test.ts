import {
  createSession,
  meBasis,
  meFor,
  sha256,
  step,
  viewFor,
  type Command,
  type LoggedCommand,
  type PlayerId,
  type Scenario,
  type SessionState,
} from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from './library.ts';
import { GOLDEN_PATHS } from './paths/index.ts';
import { pathLog } from './play-path.ts';

/**
 * The server sends no `me` at all after a command whose state shares `meBasis` with the state
 * before it (server/src/hub/fan-out.ts). That holds only if `meBasis` names everything `meFor`
 * reads: after every command that leaves the basis as it was, every player's `me` must be the same
 * bytes as before it. Each golden path is checked twice: as recorded, and cut after its start with
 * table talk instead (a raised hand, lines, coaching, a vote), so the commands that change one
 * player's `me` and those that change nobody's both occur.
 */

const library = loadLibrary();
const sameBasis = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((input, i) => input === b[i]);

type Unlogged = Omit<LoggedCommand, 'seq' | 'at'>;

describe.each(GOLDEN_PATHS.map((p) => [p.scenario, p] as const))('meBasis on %s', (id, { paths }) => {
  it.each(paths.map((p) => [p.name, p] as const))('%s: a command that keeps the basis keeps every me', (name, path) => {
    const shipped = library.find((s) => s.scenario?.id === id);
    if (!shipped?.scenario) throw new Error(`scenarios/${id}.yaml is missing or does not parse`);
    const scenario = shipped.scenario;
    const start = createSession(scenario, path.seed, {
      scenarioHash: sha256(shipped.text),
      team: 'golden',
      createdAt: 1_700_000_000_000,
    });
    const log = pathLog(scenario, path);
    const recorded = check(scenario, `${id}/${name}`, start, log);
    const opening = log.slice(0, log.findIndex((e) => e.command.type === 'session.start') + 1);
    const talked = check(scenario, `${id}/${name} with table talk`, start, opening, talk);
    expect(recorded.kept + talked.kept, 'commands that keep the basis').toBeGreaterThan(0);
    // A raised hand, coaching and a vote each change one player's `me`: each must move the basis.
    expect(talked.movedBy).toEqual(expect.arrayContaining(['hand.raise', 'coach', 'choice.vote']));
    expect(talked.keptBy).toContain('timeline.post');
  });
});

/** Table talk after the start, from the first seated player and the facilitator. */
function talk(scenario: Scenario, state: SessionState): Unlogged[] {
  const player = Object.keys(state.players)[0] as PlayerId | undefined;
  if (!player) throw new Error('the path seats nobody');
  const as = { kind: 'player' as const, playerId: player };
  const facilitator = { kind: 'facilitator' as const };
  const choice = viewFor(scenario, state, { kind: 'facilitator' }).choices[0]?.id;
  if (!choice) throw new Error('the first scene offers no choice to vote for');
  const command = (c: Record<string, unknown>) => c as unknown as Command;
  return [
    { actor: as, command: command({ id: 't1', type: 'hand.raise', raised: true }) },
    { actor: facilitator, command: command({ id: 't2', type: 'timeline.post', text: 'Status check.' }) },
    { actor: facilitator, command: command({ id: 't3', type: 'coach', playerId: player, text: 'Ask who owns it.' }) },
    { actor: as, command: command({ id: 't4', type: 'timeline.post', text: 'Looking at the resolver.' }) },
    { actor: as, command: command({ id: 't5', type: 'choice.vote', choiceId: choice }) },
  ];
}

/**
 * Steps `log`, then the commands `more` makes from the state it reached, and compares every
 * player's `me` across each command that kept the basis. Throws on a refused command.
 */
function check(
  scenario: Scenario,
  label: string,
  start: SessionState,
  log: readonly LoggedCommand[],
  more?: (scenario: Scenario, state: SessionState) => Unlogged[],
): { kept: number; keptBy: string[]; movedBy: string[] } {
  let state = start;
  const keptBy: string[] = [];
  const movedBy: string[] = [];
  const apply = (entry: LoggedCommand) => {
    const result = step(scenario, state, entry);
    if (!result.ok) throw new Error(`${label}: command ${entry.seq} refused: ${result.error.message}`);
    const before = state;
    state = result.state;
    if (!sameBasis(meBasis(before), meBasis(state))) return void movedBy.push(entry.command.type);
    keptBy.push(entry.command.type);
    for (const playerId of Object.keys(before.players) as PlayerId[])
      expect(
        JSON.stringify(meFor(scenario, state, playerId)),
        `${label}: command ${entry.seq} (${entry.command.type}) kept meBasis but changed ${playerId}'s me`,
      ).toBe(JSON.stringify(meFor(scenario, before, playerId)));
  };
  for (const entry of log) apply(entry);
  for (const extra of more?.(scenario, state) ?? []) apply({ ...extra, seq: state.seq + 1, at: state.lastAt + 1000 });
  return { kept: keptBy.length, keptBy, movedBy };
}
