/**
 * The server's work for one command, in this process and without sockets or a disk: a hub on the
 * memory store, S sessions of a facilitator and 10 seated players, each room's message encoded
 * once as the socket layer does, the load benchmark's command mix. Against the engine's `step`
 * alone on the very commands the hub logged, so the ratio is what the fan-out (projections,
 * patches, `me`, placement) and the hub's bookkeeping cost on top of the engine. Low noise where
 * the load benchmark's socket figures move by a fifth between runs: the measure for a change to
 * the fan-out. Prints medians and ratios; asserts nothing.
 *
 *   npm run bench:hub [-- --quick] [-- --json]
 */
import fs from 'node:fs';
import path from 'node:path';
import seedrandom from 'seedrandom';
import {
  createSession,
  parseScenario,
  step,
  type LoggedCommand,
  type MeMessage,
  type PlayerId,
  type Scenario,
  type ViewMessage,
} from '@chaos-quest/engine';
import { createServerMetrics } from '../../server/src/metrics/server-metrics.ts';
import { ScenarioCache } from '../../server/src/scenarios/by-hash.ts';
import { sha256Hex } from '../../server/src/sha256.ts';
import { MemoryStore } from '../../server/src/store/memory-store.ts';
import { SessionHub } from '../../server/src/hub/hub.ts';
import { handleCommand } from '../../server/src/socket/command-handler.ts';
import type { ServerMetrics } from '../../server/src/metrics/server-metrics.ts';
import type { Connection, RoomSender } from '../../server/src/hub/live-session.ts';
import { TableScript, type Draw } from './lib/load-commands.ts';
import { REPO } from './lib/child-process.ts';
import { median, printTable } from './lib/stats.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const json = args.has('--json');
const SESSIONS = quick ? 10 : 50;
const PLAYERS = 10;
/** Commands per session: the timeline fills past its view window (200) well before the end. */
const ROUNDS = quick ? 120 : 300;
const RUNS = quick ? 3 : 5;

const text = fs.readFileSync(path.join(REPO, 'tests', 'bench', 'fixtures', 'dns-ttl-trap.yaml'), 'utf8');
const scenario = parseScenario(text, 'dns-ttl-trap.yaml').scenario;
if (!scenario) throw new Error('the bench fixture scenario does not parse');
const start = { scenario, text, hash: sha256Hex(text) };

/** Rooms as Socket.IO's: each message is encoded once per room, and reaches every member. */
class Rooms implements RoomSender {
  readonly members = new Map<string, Set<string>>();
  bytes = 0;
  sendView(room: string, message: ViewMessage): void {
    this.send(room, 'view', message);
  }
  sendPatch(room: string, message: unknown): void {
    this.send(room, 'patch', message);
  }
  private send(room: string, event: string, message: unknown): void {
    const members = this.members.get(room);
    if (members) this.bytes += `2${JSON.stringify([event, message])}`.length * members.size;
  }
}

function connection(rooms: Rooms, id: string, viewer: Connection['viewer']): Connection {
  let room: string | null = null;
  const sendAlone = (event: string, message: unknown) => {
    rooms.bytes += `2${JSON.stringify([event, message])}`.length;
  };
  return {
    id,
    viewer,
    console: viewer.kind === 'facilitator' ? 'facilitator' : null,
    get room() {
      return room;
    },
    joinRoom(next: string) {
      if (room) rooms.members.get(room)?.delete(id);
      room = next;
      const members = rooms.members.get(next) ?? new Set<string>();
      members.add(id);
      rooms.members.set(next, members);
    },
    sendView: (message: ViewMessage) => sendAlone('view', message),
    sendMe: (message: MeMessage) => sendAlone('me', message),
    sendPresence: () => {},
    sendSeat: () => {},
    close: () => {},
  };
}

interface Table {
  sessionId: string;
  script: TableScript;
  players: PlayerId[];
}

/** A seat the mix sends from: both who acts (Actor) and who looks (Viewer). */
type Seated = { kind: 'facilitator' } | { kind: 'player'; playerId: PlayerId };

const actorOf = (table: Table, draw: Draw): Seated =>
  draw.sender === 'facilitator'
    ? { kind: 'facilitator' }
    : { kind: 'player', playerId: table.players[draw.sender] as PlayerId };

/**
 * As a socket's `command` message: `wire` is the JSON the client sent (encoded outside the timed
 * window, as the client's work), decoded as Socket.IO's parser does, parsed with the protocol's
 * schema and authorised, then to the hub.
 */
async function must(
  hub: SessionHub,
  metrics: ServerMetrics,
  table: Table,
  draw: Draw,
  wire = JSON.stringify(draw.command),
): Promise<void> {
  const actor = actorOf(table, draw);
  const seat = {
    sessionId: table.sessionId,
    viewer: actor,
    actor,
    console: actor.kind === 'facilitator' ? ('facilitator' as const) : null,
  };
  const ack = await handleCommand(hub, metrics, seat, JSON.parse(wire));
  if (!ack.ok) throw new Error(`the hub refused ${draw.command.type}: ${ack.error.message}`);
}

/** One run: fresh hub and tables, ROUNDS commands per session; microseconds per command after the first third (warm-up). */
async function hubRun(seed: string): Promise<{ microsPerCommand: number; logs: LoggedCommand[][]; bytes: number }> {
  const store = new MemoryStore();
  const rooms = new Rooms();
  const metrics = createServerMetrics({ sessionsLive: () => 0, socketsConnected: () => 0 });
  const quiet = { info: () => {}, warn: () => {}, error: () => {} };
  const hub = new SessionHub({ store, scenarios: new ScenarioCache(), metrics, log: quiet, rooms });
  const tables: Table[] = [];
  for (let s = 0; s < SESSIONS; s++) {
    const { sessionId } = await hub.create(start, { seed: `${seed}-${s}`, team: null });
    const players: PlayerId[] = [];
    for (let p = 0; p < PLAYERS; p++) {
      const joined = await hub.join(sessionId, `P${p + 1}`);
      if (!joined.ok) throw new Error(`join refused: ${joined.error.message}`);
      players.push(joined.playerId);
    }
    await hub.connect(sessionId, connection(rooms, `${sessionId}-f`, { kind: 'facilitator' }));
    for (const playerId of players)
      await hub.connect(sessionId, connection(rooms, `${sessionId}-${playerId}`, { kind: 'player', playerId }));
    const table = { sessionId, script: new TableScript(players), players };
    for (const draw of table.script.opening()) await must(hub, metrics, table, draw);
    tables.push(table);
  }
  const random = seedrandom(seed);
  const perCommand: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const draws = tables.map((t) => t.script.next(random));
    const wires = draws.map((d) => JSON.stringify(d.command));
    const t0 = performance.now();
    await Promise.all(tables.map((t, i) => must(hub, metrics, t, draws[i] as Draw, wires[i])));
    if (round >= ROUNDS / 3) perCommand.push(((performance.now() - t0) / tables.length) * 1000);
  }
  const logs = await Promise.all(tables.map((t) => store.readLog(t.sessionId)));
  await hub.close();
  return { microsPerCommand: median(perCommand), logs, bytes: rooms.bytes };
}

/** The same logs through `step` alone, session by session in the same order of rounds; microseconds per command after the first third. */
function stepRun(scenarioOf: Scenario, logs: readonly LoggedCommand[][], seed: string): number {
  const states = logs.map((log, s) => {
    const first = log[0];
    return createSession(scenarioOf, `${seed}-${s}`, {
      scenarioHash: start.hash,
      team: null,
      createdAt: first?.at ?? 0,
    });
  });
  const length = Math.max(...logs.map((l) => l.length));
  const perCommand: number[] = [];
  const from = length - ROUNDS;
  for (let i = 0; i < length; i++) {
    const t0 = performance.now();
    let stepped = 0;
    logs.forEach((log, s) => {
      const entry = log[i];
      if (!entry) return;
      const result = step(scenarioOf, states[s] as (typeof states)[number], entry);
      if (!result.ok) throw new Error(`step refused logged command ${entry.seq}: ${result.error.message}`);
      states[s] = result.state;
      stepped += 1;
    });
    if (i >= from + ROUNDS / 3 && stepped > 0) perCommand.push(((performance.now() - t0) / stepped) * 1000);
  }
  return median(perCommand);
}

const hubMicros: number[] = [];
const stepMicros: number[] = [];
let bytesPerCommand = 0;
for (let run = 0; run < RUNS; run++) {
  const seed = `hub-bench-${run}`;
  const { microsPerCommand, logs, bytes } = await hubRun(seed);
  hubMicros.push(microsPerCommand);
  stepMicros.push(stepRun(scenario, logs, seed));
  bytesPerCommand = Math.round(bytes / logs.reduce((n, l) => n + l.length, 0));
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const figures = {
  quick,
  sessions: SESSIONS,
  players: PLAYERS,
  commandsPerSession: ROUNDS,
  runs: RUNS,
  hubMicrosPerCommand: round2(median(hubMicros)),
  stepMicrosPerCommand: round2(median(stepMicros)),
  hubOverStep: round2(median(hubMicros) / median(stepMicros)),
  hubRunsMicros: hubMicros.map(round2),
  bytesSentPerCommand: bytesPerCommand,
};
printTable(`Hub path per command, ${SESSIONS} sessions × (${PLAYERS} players + facilitator), ${RUNS} runs`, [
  ['hub: step, append, fan-out, encoding (median µs)', `${figures.hubMicrosPerCommand}`],
  ['engine step alone, same commands (median µs)', `${figures.stepMicrosPerCommand}`],
  ['hub ÷ step', `${figures.hubOverStep}×`],
  ['each run (µs)', figures.hubRunsMicros.join(', ')],
  ['bytes sent per command (all sockets)', `${figures.bytesSentPerCommand}`],
]);
if (json) console.log(JSON.stringify(figures));
