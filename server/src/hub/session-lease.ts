import type { LogEntry } from '../store/store.ts';
import { catchUp } from './catch-up.ts';
import { broadcastViews } from './fan-out.ts';
import type { HubContext } from './hub-context.ts';
import type { LiveSession } from './live-session.ts';

/**
 * A session's lease with several nodes: the node that holds it applies the session's commands; a
 * copy loaded on another node (for the sockets connected there) follows the holder's log.
 */

/**
 * Null when this node holds the session's lease (taking it when it is free, and then catching up
 * with the log its last holder wrote), else who holds it. Must run inside the session's queue.
 */
export async function claimLease(
  ctx: HubContext,
  session: LiveSession,
): Promise<{ heldBy: string; address: string | null } | null> {
  const { placement } = ctx;
  if (!placement || session.epoch !== null) return null;
  const lease = await placement.leases.take(session.id);
  if ('heldBy' in lease) return lease;
  const applied = await catchUp(ctx, session);
  if (applied === null) {
    await releaseLease(ctx, session, lease.epoch);
    throw new Error(`Session ${session.id}: the log does not replay after seq ${session.state.seq}.`);
  }
  session.epoch = lease.epoch;
  if (applied.length > 0) showApplied(ctx, session, applied);
  ctx.pace.sync(session);
  return null;
}

/** Gives the lease up, so another node takes the session at once rather than after expiry. Never rejects. */
export async function releaseLease(ctx: HubContext, session: LiveSession, epoch: number): Promise<void> {
  if (session.epoch === epoch) session.epoch = null;
  try {
    await ctx.placement?.leases.release(session.id, epoch);
  } catch (error) {
    // It expires by itself; until then, no other node takes the session over.
    ctx.log.warn({ err: error, sessionId: session.id }, `Session ${session.id}: could not release its lease`);
  }
}

/**
 * Entries another node appended to a session it holds: this node's copy applies them and sends its
 * viewers their views. Entries out of order or missed are read from the store instead. Never rejects.
 */
export function followLog(ctx: HubContext, session: LiveSession, entries: readonly LogEntry[]): void {
  void session.queue
    .run(async () => {
      if (session.epoch !== null) return;
      const applied = await catchUp(ctx, session, entries);
      if (applied === null) throw new Error(`the log does not replay after seq ${session.state.seq}`);
      if (applied.length > 0) showApplied(ctx, session, applied);
    })
    .catch((error: unknown) =>
      ctx.log.error({ err: error, sessionId: session.id }, `Session ${session.id}: could not follow the holder's log`),
    );
}

/** Brings this node's copy of the session up to the log now. Rejects when the store cannot be read. */
export async function refreshCopy(ctx: HubContext, session: LiveSession): Promise<void> {
  await session.queue.run(async () => {
    const applied = session.epoch === null ? await catchUp(ctx, session) : [];
    if (applied?.length) showApplied(ctx, session, applied);
  });
}

/** Sends the viewers here what entries applied from the log changed, and closes removed players' sockets. */
function showApplied(ctx: HubContext, session: LiveSession, applied: readonly LogEntry[]): void {
  broadcastViews(session, ctx.rooms);
  for (const { command } of applied)
    if (command.type === 'player.remove') for (const c of session.connectionsOf(command.playerId)) c.close();
}
