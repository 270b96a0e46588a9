import { replay, step, type Actor, type Command, type CommandAck, type LoggedCommand } from '@chaos-quest/engine';
import { DuplicateCommandError, SeqConflictError } from '../store/store.ts';
import { afterAccept } from './after-effects.ts';
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
export async function applyCommand(ctx: HubContext, session: LiveSession, actor: Actor, command: Command): Promise<CommandAck> {
  const commandKey = `${actorKey(actor)}:${command.id}`;
  for (let attempt = 0; ; attempt++) {
    const recent = session.recent.get(commandKey);
    if (recent !== undefined) return duplicate(ctx, command, recent);
    const before = session.state;
    const entry: LoggedCommand = { seq: before.seq + 1, at: Math.max(ctx.now(), before.lastAt), actor, command };
    const result = step(session.scenario, before, entry);
    if (!result.ok) {
      // An old retry must get its first ack, not a refusal from the state the session is in now.
      const applied = await appliedSeq(ctx, session, commandKey);
      if (applied !== null) return duplicate(ctx, command, applied);
      count(ctx, command, result.error.code);
      return { ok: false, error: result.error };
    }
    try {
      const started = performance.now();
      await ctx.store.append(session.id, [{ ...entry, commandKey }]);
      ctx.metrics.appendSeconds.observe((performance.now() - started) / 1000);
    } catch (error) {
      const applied = error instanceof DuplicateCommandError ? await appliedSeq(ctx, session, commandKey) : null;
      // Applied here long ago, or just now by another writer (then catch up to it first).
      if (applied !== null && (applied <= session.state.seq || (await catchUp(ctx, session)))) return duplicate(ctx, command, applied);
      if (error instanceof SeqConflictError && attempt < MAX_CONFLICT_RETRIES && (await catchUp(ctx, session))) continue;
      ctx.log.error({ err: error, sessionId: session.id, seq: entry.seq }, `Session ${session.id}: could not append command ${entry.seq}`);
      count(ctx, command, 'internal');
      return { ok: false, error: { code: 'internal', message: 'The command could not be saved, so nothing changed. Try again.' } };
    }
    session.state = result.state;
    session.recent.set(commandKey, entry.seq);
    count(ctx, command, 'ok');
    await afterAccept(ctx, session, before, entry);
    return { ok: true, seq: entry.seq };
  }
}

/** The seq the store holds `commandKey` at, or null; a store that cannot answer counts as not knowing it. */
async function appliedSeq(ctx: HubContext, session: LiveSession, commandKey: string): Promise<number | null> {
  try {
    return await ctx.store.findCommand(session.id, commandKey);
  } catch (error) {
    ctx.log.error({ err: error, sessionId: session.id }, `Session ${session.id}: could not look up command ${commandKey}`);
    return null;
  }
}

function duplicate(ctx: HubContext, command: Command, seq: number): CommandAck {
  count(ctx, command, 'duplicate');
  return { ok: true, seq };
}

/**
 * Another writer appended first (several nodes share the store): read what it wrote and replay it
 * on our cached state. False when the log cannot be replayed, so the caller gives up.
 */
async function catchUp(ctx: HubContext, session: LiveSession): Promise<boolean> {
  const tail = await ctx.store.readLog(session.id, session.state.seq);
  const options = { scenarioHash: session.row.scenarioHash, team: session.row.team, createdAt: session.row.createdAt };
  const result = replay(session.scenario, session.row.seed, tail, options, session.state);
  if (!result.ok) return false;
  session.state = result.state;
  for (const e of tail) session.recent.set(e.commandKey, e.seq);
  return true;
}

function count(ctx: HubContext, command: Command, result: string): void {
  ctx.metrics.commands.inc({ type: command.type, result });
}
