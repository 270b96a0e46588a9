import { replay, step, type Actor, type Command, type CommandAck, type LoggedCommand } from '@chaos-quest/engine';
import { SeqConflictError } from '../store/store.ts';
import { afterAccept } from './after-effects.ts';
import type { HubContext } from './hub-context.ts';
import { actorKey, type LiveSession } from './live-session.ts';

const MAX_CONFLICT_RETRIES = 3;

/**
 * One command's path (DESIGN "One command, end to end") for an already-parsed command: a retried
 * command id gets its first ack again; otherwise the engine steps, the entry is appended durably,
 * and only then is the state replaced, the viewers told and the ack returned. Must run inside the
 * session's queue. Never throws: a store failure becomes an `internal` error ack with nothing changed.
 */
export async function applyCommand(ctx: HubContext, session: LiveSession, actor: Actor, command: Command): Promise<CommandAck> {
  const commandKey = `${actorKey(actor)}:${command.id}`;
  for (let attempt = 0; ; attempt++) {
    const known = session.recent.get(commandKey) ?? (await ctx.store.findCommand(session.id, commandKey));
    if (known !== null && known !== undefined) {
      count(ctx, command, 'duplicate');
      return { ok: true, seq: known };
    }
    const before = session.state;
    const entry: LoggedCommand = { seq: before.seq + 1, at: Math.max(ctx.now(), before.lastAt), actor, command };
    const result = step(session.scenario, before, entry);
    if (!result.ok) {
      count(ctx, command, result.error.code);
      return { ok: false, error: result.error };
    }
    try {
      const started = performance.now();
      await ctx.store.append(session.id, [{ ...entry, commandKey }]);
      ctx.metrics.appendSeconds.observe((performance.now() - started) / 1000);
    } catch (error) {
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
