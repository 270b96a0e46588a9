import { step, typedText, type Actor, type Command, type CommandAck, type LoggedCommand } from '@chaos-quest/engine';
import { DuplicateCommandError, LeaseLostError, SeqConflictError } from '../store/store.ts';
import { afterAccept } from './after-effects.ts';
import { catchUp, samePayload } from './catch-up.ts';
import type { HubContext } from './hub-context.ts';
import { actorKey, type LiveSession } from './live-session.ts';

const MAX_CONFLICT_RETRIES = 3;

/**
 * One command's path (DESIGN "One command, end to end") for an already-parsed command: a retried
 * command id gets its first ack again; otherwise the engine steps, the entry is appended durably,
 * and only then is the state replaced, the viewers told and the ack returned. Must run inside the
 * session's queue. Never throws: a store failure becomes an `internal` error ack with nothing changed.
 *
 * A retry is known from the session's recent keys; one too old for them is caught by the store,
 * which refuses a command key twice, so a new command costs no lookup.
 */
export async function applyCommand(
  ctx: HubContext,
  session: LiveSession,
  actor: Actor,
  command: Command,
): Promise<CommandAck> {
  const commandKey = `${actorKey(actor)}:${command.id}`;
  for (let attempt = 0; ; attempt++) {
    const recent = session.recent.get(commandKey);
    if (recent !== undefined) return duplicate(ctx, command, recent.seq, samePayload(recent.command, command));
    const before = session.state;
    const entry: LoggedCommand = { seq: before.seq + 1, at: Math.max(ctx.now(), before.lastAt), actor, command };
    const result = step(session.scenario, before, entry);
    if (!result.ok) {
      // An old retry must get its first ack, not a refusal from the state the session is in now.
      const applied = await appliedCommand(ctx, session, commandKey);
      if (applied !== null) return duplicate(ctx, command, applied.seq, samePayload(applied.command, command));
      count(ctx, command, result.error.code);
      return { ok: false, error: result.error };
    }
    const added = result.state.timeline.length - before.timeline.length;
    // Each seat that types (a player, an evaluator) has its own minute budget; the facilitator runs the game.
    const seat = actor.kind === 'player' ? actor.playerId : actor.kind === 'evaluator' ? actorKey(actor) : null;
    const over = seat === null ? null : session.typingBudget(seat).spend(typedText(command), added);
    if (over !== null) {
      count(ctx, command, 'rate-limited');
      return { ok: false, error: { code: 'rate-limited', message: over } };
    }
    try {
      const started = performance.now();
      await ctx.store.append(session.id, [{ ...entry, commandKey }], session.epoch ?? undefined);
      ctx.metrics.appendSeconds.observe((performance.now() - started) / 1000);
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      const applied = error instanceof DuplicateCommandError ? await appliedCommand(ctx, session, commandKey) : null;
      // Applied here long ago, or just now by another writer (then catch up to it first).
      if (applied !== null && (applied.seq <= session.state.seq || (await catchUp(ctx, session)) !== null)) {
        return duplicate(ctx, command, applied.seq, samePayload(applied.command, command));
      }
      if (error instanceof SeqConflictError && attempt < MAX_CONFLICT_RETRIES && (await catchUp(ctx, session)) !== null)
        continue;
      ctx.log.error(
        { err: error, sessionId: session.id, seq: entry.seq },
        `Session ${session.id}: could not append command ${entry.seq}`,
      );
      count(ctx, command, 'internal');
      return { ok: false, error: { code: 'internal', message: notSaved(ctx) } };
    }
    session.state = result.state;
    session.recent.set(commandKey, { seq: entry.seq, command });
    ctx.placement?.publish(session.id, [{ ...entry, commandKey }]);
    session.logged(JSON.stringify(command).length);
    count(ctx, command, 'ok');
    await afterAccept(ctx, session, before, entry);
    return { ok: true, seq: entry.seq };
  }
}

/** Why a command was refused when its append failed; a store that cannot write says so plainly. */
export function notSaved(ctx: HubContext): string {
  const health = ctx.store.health();
  return health.state === 'failing'
    ? `The database is unavailable (${health.reason}): the command could not be saved, so nothing changed. Try again once it is back.`
    : 'The command could not be saved, so nothing changed. Try again.';
}

/** The seq and command the store holds `commandKey` with, or null; a store that cannot answer counts as not knowing it. */
async function appliedCommand(
  ctx: HubContext,
  session: LiveSession,
  commandKey: string,
): Promise<{ seq: number; command: Command } | null> {
  try {
    const seq = await ctx.store.findCommand(session.id, commandKey);
    if (seq === null) return null;
    const [entry] = await ctx.store.readLog(session.id, seq - 1);
    return entry?.seq === seq ? { seq, command: entry.command } : null;
  } catch (error) {
    ctx.log.error(
      { err: error, sessionId: session.id },
      `Session ${session.id}: could not look up command ${commandKey}`,
    );
    return null;
  }
}

/**
 * The first ack again for a retried command. The same id with another payload is not a retry but a
 * client bug (or a forged id): answering success would claim a command that never ran.
 */
function duplicate(ctx: HubContext, command: Command, seq: number, same: boolean): CommandAck {
  if (!same) {
    count(ctx, command, 'id-reused');
    return {
      ok: false,
      error: {
        code: 'id-reused',
        message: `Command id '${command.id}' was already used for a different command; send it with a new id.`,
      },
    };
  }
  count(ctx, command, 'duplicate');
  return { ok: true, seq };
}

function count(ctx: HubContext, command: Command, result: string): void {
  ctx.metrics.commands.inc({ type: command.type, result });
}
