import { randomUUID } from 'node:crypto';
import {
  CURRENT_RULES,
  audienceOf,
  createSession,
  distinctName,
  phaseOf,
  telemetryPoints,
  timelinePage,
  type TelemetryPoints,
  type TimelineEntry,
  type Actor,
  type Command,
  type CommandAck,
  type MeMessage,
  type Scenario,
  type SessionState,
  type ViewMessage,
  type Viewer,
  asPlayerId,
  asSessionId,
  type SessionId,
  type PlayerId,
} from '@chaos-quest/engine';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import type { ScenarioCache } from '../scenarios/by-hash.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import { LeaseLostError, type LogEntry, type Store } from '../store/store.ts';
import { applyCommand, notSaved } from './apply-command.ts';
import { resyncOf, sendPresence, sendView } from './fan-out.ts';
import type { EventLog, HubContext } from './hub-context.ts';
import { LiveSession, type Connection, type RoomSender } from './live-session.ts';
import { loadSession, storeWithJoinCode } from './load-session.ts';
import { PaceClock } from './pace-clock.ts';
import { AutoPause } from './auto-pause.ts';
import { unplaced, type Placement } from './placement.ts';
import { claimLease, followLog, refreshCopy, releaseLease } from './session-lease.ts';

export interface HubOptions {
  store: Store;
  scenarios: ScenarioCache;
  metrics: ServerMetrics;
  log: EventLog;
  snapshotEvery?: number;
  /** How a view or patch reaches every connection of an audience room: the transport's rooms. */
  rooms: RoomSender;
  /** Unload a session from memory this long after its last connection closes. */
  idleMs?: number;
  now?: () => number;
  /** Several nodes sharing the store: who applies which session's commands (see server/src/cluster). */
  placement?: Placement;
}

/** A scenario ready to start a session with: its exact text and that text's hash. */
export interface StartableScenario {
  scenario: Scenario;
  text: string;
  hash: string;
}

const SYSTEM: Actor = { kind: 'system' };

/**
 * The sessions this node serves. A session is loaded from the store the first time it is touched
 * (so a store with thousands of sessions starts at once) and unloaded when idle. Commands of one
 * session go through its queue, one at a time.
 */
export class SessionHub {
  private readonly sessions = new Map<string, LiveSession>();
  private readonly loading = new Map<string, Promise<LiveSession | null>>();
  private readonly ctx: HubContext;
  private readonly idleMs: number;
  private closed = false;

  constructor(options: HubOptions) {
    this.idleMs = options.idleMs ?? 10 * 60_000;
    this.ctx = {
      store: options.store,
      scenarios: options.scenarios,
      metrics: options.metrics,
      log: options.log,
      snapshotEvery: options.snapshotEvery ?? 200,
      now: options.now ?? Date.now,
      // A tick is this node's own: were the session to move, its new holder ticks it.
      pace: new PaceClock(
        (id) => void this.submit(id, SYSTEM, { id: `tick-${randomUUID()}`, type: 'clock.tick' }, { here: true }),
      ),
      autoPause: new AutoPause(
        (session) =>
          void this.run(session.id, SYSTEM, (state) => ({ id: `autopause-${state.seq}`, type: 'session.autopause' })),
        undefined,
        !options.placement,
      ),
      rooms: options.rooms,
      placement: options.placement ?? null,
    };
  }

  /** Opens a session in the lobby and stores it with the exact scenario text. Rejects if the store fails. */
  async create(
    start: StartableScenario,
    options: { seed: string; team: string | null },
  ): Promise<{ sessionId: SessionId; joinCode: string; facilitatorToken: string }> {
    const sessionId = asSessionId(newId());
    const facilitatorToken = newToken();
    const createdAt = this.ctx.now();
    await this.ctx.store.putScenarioText(start.hash, start.text);
    const row = await storeWithJoinCode(
      this.ctx.store,
      {
        id: sessionId,
        scenarioId: start.scenario.id,
        scenarioHash: start.hash,
        seed: options.seed,
        team: options.team,
        createdAt,
        endedAt: null,
      },
      hashToken(facilitatorToken),
    );
    this.ctx.scenarios.remember(start.hash, start.scenario);
    const state = createSession(start.scenario, options.seed, {
      scenarioHash: start.hash,
      team: options.team,
      createdAt,
    });
    const session = new LiveSession(row, start.scenario, state, 0);
    if (this.ctx.placement) {
      const lease = await this.ctx.placement.leases.take(sessionId);
      if ('epoch' in lease) session.epoch = lease.epoch;
    }
    this.sessions.set(sessionId, session);
    this.scheduleEviction(session);
    // The rules go into the log as its first step, so this session replays by them whatever comes later.
    const ruled = await this.submit(sessionId, SYSTEM, {
      id: 'create-rules',
      type: 'session.rules',
      rules: CURRENT_RULES,
    });
    if (!ruled.ok) throw new Error(`Session ${sessionId}: its rules could not be logged (${ruled.error.message}).`);
    this.ctx.log.info(
      { sessionId, scenarioId: start.scenario.id, team: options.team },
      `Session ${sessionId}: created from scenario ${start.scenario.id}${options.team ? ` for team ${options.team}` : ''}`,
    );
    return { sessionId, joinCode: row.joinCode, facilitatorToken };
  }

  /**
   * Seats a new player through a logged `player.join` and issues their token. Returns an error
   * ack when the session does not take players now (its debrief, say).
   */
  async join(
    sessionId: string,
    name: string,
  ): Promise<{ ok: true; playerId: PlayerId; playerToken: string } | Extract<CommandAck, { ok: false }>> {
    const playerId = asPlayerId(newId());
    // Named in the queue, against the table as it is then: two Alices joining at once become Alice and Alice (2).
    const ack = await this.run(sessionId, SYSTEM, (state) => ({
      id: `join-${playerId}`,
      type: 'player.join',
      playerId,
      name: distinctName(state.players, name),
    }));
    if (!ack.ok) return ack;
    const playerToken = newToken();
    await this.ctx.store.addPlayerToken(sessionId, playerId, hashToken(playerToken));
    return { ok: true, playerId, playerToken };
  }

  /** The session, loaded from the store on first touch; null when there is no such session. Rejects if it cannot be rebuilt. */
  async get(sessionId: string): Promise<LiveSession | null> {
    const live = this.sessions.get(sessionId);
    if (live) return live;
    let pending = this.loading.get(sessionId);
    if (!pending) {
      pending = this.load(sessionId).finally(() => this.loading.delete(sessionId));
      this.loading.set(sessionId, pending);
    }
    return pending;
  }

  /**
   * Queues a command for the session; resolves with its ack. With several nodes, a session held by
   * another node gets the command forwarded there, unless `here` (a command forwarded to this node
   * already, or this node's own clock tick), which this node applies only if it can take the
   * session. Never rejects.
   */
  async submit(
    sessionId: string,
    actor: Actor,
    command: Command,
    options: { here?: boolean } = {},
  ): Promise<CommandAck> {
    return this.run(sessionId, actor, () => command, options);
  }

  /** As submit, for the command `make` writes from the session's state when its turn comes. Never rejects. */
  private async run(
    sessionId: string,
    actor: Actor,
    make: (state: SessionState) => Command,
    options: { here?: boolean } = {},
  ): Promise<CommandAck> {
    try {
      const session = await this.get(sessionId);
      if (!session) return { ok: false, error: { code: 'not-found', message: `There is no session '${sessionId}'.` } };
      for (let attempt = 0; ; attempt++) {
        try {
          const outcome = await session.queue.run(
            async () =>
              (await claimLease(this.ctx, session)) ?? applyCommand(this.ctx, session, actor, make(session.state)),
          );
          if (!('heldBy' in outcome)) return outcome;
          const { placement } = this.ctx;
          if (options.here || !placement || outcome.address === null)
            return unplaced(sessionId, 'another node holds it and takes no forwarded commands');
          return await placement.forward(outcome.address, sessionId, actor, make(session.state));
        } catch (error) {
          // Taken over between this node's claim and its append: the command goes to the new holder.
          if (!(error instanceof LeaseLostError) || attempt > 0) throw error;
          this.lost([sessionId]);
        }
      }
    } catch (error) {
      this.ctx.log.error({ err: error, sessionId }, `Session ${sessionId}: command failed`);
      const message =
        this.ctx.store.health().state === 'failing'
          ? notSaved(this.ctx)
          : 'The server could not process the command; nothing changed.';
      return { ok: false, error: { code: 'internal', message } };
    }
  }

  /**
   * Adds a connection, sends it the current view and tells the facilitator. `heldSeq` is the seq
   * the client says it already holds: one ahead of the log means acknowledged commands were lost
   * (a damaged or restored database), which is logged loudly; the client gets the log's truth.
   * Returns false for an unknown session.
   */
  async connect(sessionId: string, connection: Connection, heldSeq: number | null = null): Promise<boolean> {
    const session = await this.get(sessionId);
    if (!session) return false;
    // A copy following another node's log may trail the node the client came from by an entry or two.
    if (heldSeq !== null && heldSeq > session.state.seq && this.ctx.placement) await refreshCopy(this.ctx, session);
    if (heldSeq !== null && heldSeq > session.state.seq) {
      this.ctx.log.error(
        { sessionId, heldSeq, logSeq: session.state.seq, viewer: connection.viewer },
        `Session ${sessionId}: a client holds seq ${heldSeq} but the log ends at ${session.state.seq}: acknowledged commands may have been lost (was the database restored or damaged?)`,
      );
      this.ctx.metrics.commands.inc({ type: 'client-ahead', result: 'possible-data-loss' });
    }
    if (session.idleTimer) clearTimeout(session.idleTimer);
    session.idleTimer = null;
    session.connections.set(connection.id, connection);
    sendView(session, connection);
    sendPresence(session);
    this.ctx.autoPause.watch(session);
    return true;
  }

  disconnect(sessionId: string, connectionId: string): void {
    const session = this.sessions.get(sessionId);
    if (!session?.connections.delete(connectionId)) return;
    sendPresence(session);
    this.ctx.autoPause.watch(session);
    this.scheduleEviction(session);
  }

  /** The viewer's current projection and (for a player) `me`, with their seq, for a resync; null for an unknown session. */
  async resync(sessionId: string, viewer: Viewer): Promise<{ view: ViewMessage; me: MeMessage | null } | null> {
    const session = await this.get(sessionId);
    return session ? resyncOf(session, viewer) : null;
  }

  /**
   * The timeline entries `viewer` may see that come before the window a view carries: entries
   * `[end - limit, end)` of their audience's timeline (see the engine's timelinePage). Null for an
   * unknown session.
   */
  async history(sessionId: string, viewer: Viewer, end: number, limit: number): Promise<TimelineEntry[] | null> {
    const session = await this.get(sessionId);
    return session
      ? timelinePage(session.state, audienceOf(session.scenario, session.state, viewer), end, limit)
      : null;
  }

  /** The session's telemetry from game minute `from` to the current one (engine `telemetryPoints`); undefined for an unknown session. */
  async telemetry(sessionId: string, from: number): Promise<TelemetryPoints | null | undefined> {
    const session = await this.get(sessionId);
    return session ? telemetryPoints(session.scenario, session.state, from) : undefined;
  }

  /** Seconds per game minute at which the server is ticking this session's clock now, or null. */
  pacing(sessionId: string): number | null {
    return this.ctx.pace.paceOf(sessionId);
  }

  /** Sessions in memory that have not ended. */
  liveCount(): number {
    return [...this.sessions.values()].filter((s) => phaseOf(s.state) !== 'ended').length;
  }

  /**
   * Stops the paced clocks, waits for every queued command to settle, and gives up this node's
   * leases so other nodes take its sessions at once rather than after expiry.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.ctx.pace.stopAll();
    this.ctx.autoPause.stopAll();
    for (const session of this.sessions.values()) if (session.idleTimer) clearTimeout(session.idleTimer);
    await Promise.all([...this.sessions.values()].map((s) => s.queue.drain()));
    await Promise.all(
      [...this.sessions.values()].flatMap((s) => (s.epoch === null ? [] : [releaseLease(this.ctx, s, s.epoch)])),
    );
  }

  /** The sessions this node holds the lease of, with their epochs. */
  held(): { id: string; epoch: number }[] {
    return [...this.sessions.values()].flatMap((s) => (s.epoch === null ? [] : [{ id: s.id, epoch: s.epoch }]));
  }

  /** The sessions loaded here that another node holds, with the seq this node's copy is at. */
  following(): { id: string; seq: number }[] {
    return [...this.sessions.values()].flatMap((s) => (s.epoch === null ? [{ id: s.id, seq: s.state.seq }] : []));
  }

  /** These sessions' leases are no longer this node's: stop applying their commands and ticking their clocks. */
  lost(sessionIds: readonly string[]): void {
    for (const id of sessionIds) {
      const session = this.sessions.get(id);
      if (!session || session.epoch === null) continue;
      session.epoch = null;
      this.ctx.pace.stop(id);
      this.ctx.log.warn({ sessionId: id }, `Session ${id}: another node holds it now; this node follows its log`);
    }
  }

  /**
   * Takes over a session whose holder stopped renewing its lease (a node died): loads it, takes the
   * lease, catches up with the log, and restarts its paced clock. Resolves to whether this node holds it now.
   */
  async adopt(sessionId: string): Promise<boolean> {
    const session = await this.get(sessionId);
    if (!session) return false;
    const outcome = await session.queue.run(() => claimLease(this.ctx, session));
    if (outcome !== null) return false;
    this.ctx.log.info(
      { sessionId, seq: session.state.seq },
      `Session ${sessionId}: taken over at seq ${session.state.seq}`,
    );
    this.scheduleEviction(session);
    return true;
  }

  /** Entries another node appended to a session it holds, for this node's copy of it (see followLog). */
  follow(sessionId: string, entries: readonly LogEntry[]): void {
    const session = this.sessions.get(sessionId);
    if (session && session.epoch === null) followLog(this.ctx, session, entries);
  }

  private async load(sessionId: string): Promise<LiveSession | null> {
    const session = await loadSession(this.ctx.store, this.ctx.scenarios, sessionId);
    if (!session) return null;
    const raced = this.sessions.get(sessionId);
    if (raced) return raced;
    this.sessions.set(sessionId, session);
    // With several nodes, the clock ticks only where the lease is held (see claim).
    if (!this.ctx.placement) this.ctx.pace.sync(session);
    // Loaded for a player or a big screen while its game runs: the console is not there.
    this.ctx.autoPause.watch(session);
    this.scheduleEviction(session);
    return session;
  }

  private scheduleEviction(session: LiveSession): void {
    if (this.closed || session.connections.size > 0 || session.idleTimer) return;
    session.idleTimer = setTimeout(() => {
      session.idleTimer = null;
      const busy = session.connections.size > 0 || !session.queue.idle || this.ctx.pace.running(session.id);
      if (!busy) this.ctx.autoPause.stop(session.id);
      if (busy) this.scheduleEviction(session);
      else {
        this.sessions.delete(session.id);
        if (session.epoch !== null) void releaseLease(this.ctx, session, session.epoch);
      }
    }, this.idleMs);
    session.idleTimer.unref();
  }
}
