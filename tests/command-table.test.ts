import { readFileSync, writeFileSync } from 'node:fs';
import {
  clientCommandSchema,
  commandSchema,
  loggedCommandSchema,
  type CommandOf,
  type PlayerId,
  type RoleId,
  type SessionState,
} from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMAND_DEFINITIONS, COMMANDS, type CommandTable } from '../engine/src/session/commands/index.ts';

/**
 * One definition per command (issue 10): schema, senders, phases and handler in one record, and the
 * tables derived from the records. The type checks below run under `tsc -p tests` (npm run typecheck):
 * an unused `@ts-expect-error` is itself an error, so the day a mismatched handler compiles, typecheck fails.
 */

// A handler swapped for another command's does not fit the table.
// @ts-expect-error coach's record cannot stand for player.assign: its handler takes a coach command
export const swappedRecord: CommandTable = { ...COMMANDS, 'player.assign': COMMANDS.coach };

// Nor does a record whose handler alone was swapped.
export const swappedHandler: CommandTable = {
  ...COMMANDS,
  // @ts-expect-error player.assign's handler cannot handle a coach command (no `role`, a `text`)
  coach: { ...COMMANDS.coach, handle: COMMANDS['player.assign'].handle },
};

// A handler reads only its own command's fields.
// @ts-expect-error a vote has a choiceId, not a role
export const wrongField = (command: Parameters<CommandTable['choice.vote']['handle']>[1]) => command.role;

// Branded ids: the wire schemas produce them, and one kind does not pass for another.
export function brandedIds(command: CommandOf<'player.assign'>, state: SessionState): RoleId | null {
  // @ts-expect-error a player's id is not a role's id
  const mixedUp: RoleId = command.playerId;
  // @ts-expect-error a plain string is not a player id until the schema (or the server, minting it) says so
  const unbranded: PlayerId = 'p1';
  return state.players[command.playerId]?.role ?? (mixedUp && unbranded ? null : null);
}

const wire = JSON.parse(
  readFileSync(new URL('./fixtures/command-wire-schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('the command definitions', () => {
  it('file every definition under its own type, once', () => {
    const types = COMMAND_DEFINITIONS.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    expect(Object.keys(COMMANDS).sort()).toEqual([...types].sort());
    for (const [type, definition] of Object.entries(COMMANDS)) expect(definition.type).toBe(type);
  });

  it('gate each command either by the machine (its event) or by its phases, never both', () => {
    for (const definition of COMMAND_DEFINITIONS) {
      expect(
        [definition.event, definition.phases].filter((gate) => gate !== undefined),
        definition.type,
      ).toHaveLength(1);
    }
    const driven = COMMAND_DEFINITIONS.filter((d) => d.event !== undefined).map((d) => d.type);
    expect(driven.sort()).toEqual([
      'clock.advance',
      'clock.tick',
      'session.autopause',
      'session.brief',
      'session.close',
      'session.end',
      'session.pause',
      'session.resume',
      'session.start',
    ]);
  });

  // Pinned, since the protocol is shared with the client: a change must be meant. After an intended
  // one (a new command, a new field), rewrite the pin with UPDATE_GOLDEN=1 and say so in the commit.
  it('give the wire the schemas it had before the definitions were gathered (the protocol is shared with the client)', () => {
    const now = { client: z.toJSONSchema(clientCommandSchema), logged: z.toJSONSchema(loggedCommandSchema) };
    if (process.env['UPDATE_GOLDEN'] === '1')
      writeFileSync(
        new URL('./fixtures/command-wire-schema.json', import.meta.url),
        `${JSON.stringify(now, null, 1)}\n`,
      );
    else expect(now).toEqual(wire);
  });

  it('keep server-only commands off the client schema', () => {
    const system = COMMAND_DEFINITIONS.filter((d) => d.senders === 'system').map((d) => d.type);
    expect(system.sort()).toEqual([
      'clock.tick',
      'evaluator.join',
      'player.join',
      'session.autopause',
      'session.rules',
    ]);
    const payloads: Record<string, object> = {
      'player.join': { playerId: 'p', name: 'P' },
      'evaluator.join': { evaluatorId: 'e', name: 'E' },
      'session.rules': { rules: 2 },
    };
    for (const type of system) {
      expect(commandSchema.safeParse({ id: 'x', type, ...payloads[type] }).success).toBe(true);
      expect(clientCommandSchema.safeParse({ id: 'x', type, ...payloads[type] }).success).toBe(false);
    }
  });
});
