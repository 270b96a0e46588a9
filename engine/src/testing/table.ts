import type { Actor, Command, CommandInput, LoggedCommand } from '../protocol/commands.ts';
import { asPlayerId } from '../protocol/ids.ts';
import type { Scenario } from '../scenario/schema.ts';
import { createSession } from '../session/create.ts';
import type { StepResult } from '../session/errors.ts';
import type { SessionState } from '../session/state.ts';
import { step } from '../session/step.ts';

/** A command as a test writes it: plain strings for ids (the wire schema brands them). */
export type Payload = CommandInput extends infer C ? (C extends CommandInput ? Omit<C, 'id'> : never) : never;

export const FACILITATOR: Actor = { kind: 'facilitator' };
export const SYSTEM: Actor = { kind: 'system' };
export const player = (playerId: string): Actor => ({ kind: 'player', playerId: asPlayerId(playerId) });

/**
 * A session driven command by command, as the server would: it stamps seq and a synthetic wall
 * clock (one minute per command) and keeps the log of accepted commands. For tests and benchmarks.
 */
export class Table {
  state: SessionState;
  readonly log: LoggedCommand[] = [];
  private wall: number;

  readonly scenario: Scenario;

  constructor(scenario: Scenario, seed = 'seed', createdAt = 1_700_000_000_000) {
    this.scenario = scenario;
    this.wall = createdAt;
    this.state = createSession(scenario, seed, { scenarioHash: 'test', createdAt, team: 'blue' });
  }

  send(actor: Actor, payload: Payload): StepResult<SessionState> {
    this.wall += 60_000;
    const entry: LoggedCommand = {
      seq: this.state.seq + 1,
      at: this.wall,
      actor,
      command: { id: `c${this.log.length + 1}`, ...payload } as Command,
    };
    const result = step(this.scenario, this.state, entry);
    if (result.ok) {
      this.state = result.state;
      this.log.push(entry);
    }
    return result;
  }

  /** Like send, but throws on rejection: for setting the scene in a test. */
  must(actor: Actor, payload: Payload): SessionState {
    const result = this.send(actor, payload);
    if (!result.ok) throw new Error(`${payload.type} rejected: ${result.error.code} ${result.error.message}`);
    return result.state;
  }

  /** Seats one player per entry of `roles` (ids p1, p2…) and starts the game. */
  seatAndStart(roles: string[]): this {
    roles.forEach((role, i) => {
      this.must(SYSTEM, { type: 'player.join', playerId: `p${i + 1}`, name: `Player ${i + 1}` });
      this.must(player(`p${i + 1}`), { type: 'role.take', role });
    });
    this.must(FACILITATOR, { type: 'session.start' });
    return this;
  }
}
