import {
  CURRENT_RULES,
  replay,
  sha256,
  type Actor,
  asPlayerId,
  type Command,
  type CommandInput,
  type LoggedCommand,
  type Scenario,
  type SessionOptions,
  type SessionState,
} from '@chaos-quest/engine';
import type { GoldenPath, Move } from './golden-path.ts';

/** A fixed wall clock: each command lands one second after the previous one. Never the real time. */
const EPOCH = 1_700_000_000_000;

export interface PlayedPath {
  log: LoggedCommand[];
  state: SessionState;
}

const playerId = (role: string) => asPlayerId(`player-${role}`);

/** A command without its id, kept per member of the union so each keeps its own fields. */
type Body = CommandInput extends infer C ? (C extends CommandInput ? Omit<C, 'id'> : never) : never;

/** Builds the event log a real table would produce for `path`: rules, seats, briefing, start, then the moves. */
export function pathLog(scenario: Scenario, path: GoldenPath): LoggedCommand[] {
  const log: LoggedCommand[] = [];
  const push = (actor: Actor, command: Body) => {
    const seq = log.length + 1;
    log.push({ seq, at: EPOCH + seq * 1000, actor, command: { ...command, id: `c${seq}` } as Command });
  };
  const facilitator: Actor = { kind: 'facilitator' };
  const as = (role: string): Actor => ({ kind: 'player', playerId: playerId(role) });
  // As the server opens every new session: by the current rules.
  push({ kind: 'system' }, { type: 'session.rules', rules: CURRENT_RULES });
  for (const role of path.seats ?? scenario.roles.map((r) => r.id)) {
    push({ kind: 'system' }, { type: 'player.join', playerId: playerId(role), name: `Player ${role}` });
    push(as(role), { type: 'role.take', role });
  }
  if (path.parameters) push(facilitator, { type: 'session.configure', parameters: path.parameters });
  push(facilitator, { type: 'session.brief' });
  push(facilitator, { type: 'session.start' });
  for (const move of path.moves) {
    const [actor, command] = toCommand(move, facilitator, as);
    push(actor, command);
  }
  return log;
}

function toCommand(move: Move, facilitator: Actor, as: (role: string) => Actor): [Actor, Body] {
  if ('apply' in move) {
    const actor = move.by ? as(move.by) : facilitator;
    return [
      actor,
      move.physical === undefined
        ? { type: 'choice.apply', choiceId: move.apply }
        : { type: 'choice.apply', choiceId: move.apply, physical: move.physical },
    ];
  }
  if ('advance' in move) return [facilitator, { type: 'clock.advance', minutes: move.advance }];
  if ('reveal' in move) return [facilitator, { type: 'inject.reveal', injectId: move.reveal }];
  if ('ack' in move) return [as(move.by), { type: 'inject.ack', key: move.ack }];
  if ('declare' in move) return [as(move.by), { type: 'incident.declare', kind: move.declare }];
  if ('mark' in move) return [facilitator, { type: 'milestone.mark', milestone: move.mark }];
  return move satisfies never;
}

/**
 * Plays `path` through the real engine from a fresh session. Throws, naming the move, when the
 * engine refuses any command: a golden path is only worth something if every step is legal.
 */
export function playPath(scenario: Scenario, text: string, path: GoldenPath): PlayedPath {
  const log = pathLog(scenario, path);
  const options: SessionOptions = { scenarioHash: sha256(text), team: 'golden', createdAt: EPOCH };
  const result = replay(scenario, path.seed, log, options);
  if (!result.ok) {
    const entry = log[result.seq - 1];
    throw new Error(
      `${scenario.id}/${path.name}: command ${result.seq} (${JSON.stringify(entry?.command)}) refused: ${result.error.code} ${result.error.message}`,
    );
  }
  return { log, state: result.state };
}
