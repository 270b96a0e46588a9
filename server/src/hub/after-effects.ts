import { incidentRecord, phaseOf, type LoggedCommand, type PlayerId, type SessionState } from '@chaos-quest/engine';
import { snapshotOf } from './snapshots.ts';
import { broadcastViews } from './fan-out.ts';
import { exerciseEffects } from './exercise-effects.ts';
import { closeSeats, moveSeats } from './seat-moves.ts';
import type { HubContext } from './hub-context.ts';
import type { LiveSession } from './live-session.ts';

/**
 * What follows an accepted, appended command: seats that moved or went get their tokens settled
 * (seat-moves.ts), every viewer gets the new view (the command is durable, so nothing it shows can
 * be lost), a finished session's practice-incident record is stored, snapshots are taken, the
 * sockets of seats that went are closed, and the paced clock and auto-pause follow the state. A
 * failure here is logged and never turns into an error ack.
 */
export async function afterAccept(
  ctx: HubContext,
  session: LiveSession,
  before: SessionState,
  entry: LoggedCommand,
): Promise<void> {
  let closing: PlayerId[] = [];
  await guarded(ctx, session, 'move the seats', async () => {
    closing = await moveSeats(ctx, session, before, entry);
  });
  // The table waits for the views; a snapshot or record write is the store's business.
  broadcastViews(session, ctx.rooms);
  logEvents(ctx, session, before, entry);
  const phase = phaseOf(session.state);
  await guarded(ctx, session, 'store the incident record', async () => {
    if (phase === 'debrief' || phase === 'ended')
      await ctx.store.putIncidentRecord(session.id, incidentRecord(session.scenario, session.state, session.id));
    if (phase === 'ended' && phaseOf(before) !== 'ended') await ctx.store.markEnded(session.id, entry.at);
  });
  await guarded(ctx, session, 'track the exercise’s corrective actions', () => exerciseEffects(ctx, session, entry));
  await guarded(ctx, session, 'write a snapshot', async () => {
    if (!session.snapshotDue(ctx.snapshotEvery)) return;
    const snapshot = snapshotOf(session.state);
    await ctx.store.putSnapshot(session.id, snapshot);
    session.snapshotTaken(snapshot);
  });
  closeSeats(session, closing);
  ctx.pace.sync(session);
  ctx.autoPause.watch(session);
}

async function guarded(ctx: HubContext, session: LiveSession, what: string, task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    ctx.log.error({ err: error, sessionId: session.id }, `Session ${session.id}: could not ${what}`);
  }
}

/** One readable log line per session event of note. */
function logEvents(ctx: HubContext, session: LiveSession, before: SessionState, entry: LoggedCommand): void {
  const { command } = entry;
  const state = session.state;
  const sessionId = session.id;
  if (command.type === 'player.join') {
    ctx.log.info({ sessionId, playerId: command.playerId }, `Session ${sessionId}: ${command.name} joined`);
  }
  if (command.type === 'player.remove') {
    const name = state.players[command.playerId]?.name ?? command.playerId;
    ctx.log.info(
      { sessionId, playerId: command.playerId },
      `Session ${sessionId}: the facilitator removed ${name}; their token is revoked`,
    );
  }
  const from = phaseOf(before);
  const to = phaseOf(state);
  if (from === to) return;
  const { ending, outcome } = state.game.context;
  const detail =
    to === 'debrief' ? ` (ending ${ending ?? 'chosen by the facilitator'}, outcome ${outcome ?? 'none'})` : '';
  ctx.log.info({ sessionId, phase: to, seq: state.seq }, `Session ${sessionId}: ${from} → ${to}${detail}`);
}
