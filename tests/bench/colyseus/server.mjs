/**
 * The Colyseus 0.18 baseline of the load benchmark's burst mode, in its own process and its own
 * package (so Colyseus never enters the project's install). One room per session, whose state has
 * the shape and size of a Chaos Quest player's view: it is seeded from a real whole view our server
 * sent (the same sample file the bare relay copies), and each command changes it as ours does (a
 * timeline line, a vote, a raised hand, a proposal, an inject, a roll, a clock step), bumps `seq`,
 * sends the delta at once with `broadcastPatch()` (the 50 ms patch timer is off: `patchRate = null`)
 * and then answers the sender with an `ack` carrying the seq. Nothing is validated or stored.
 *
 *   node tests/bench/colyseus/server.mjs --sample <file.json> [--port <n>]
 *
 * Prints `CQ-READY {"port":…}` once it listens, like every child of the load benchmark; Colyseus
 * itself shuts down cleanly on SIGTERM.
 */
import fs from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { Room, Server } from '@colyseus/core';
import { ArraySchema, schema, t } from '@colyseus/schema';
import { WebSocketTransport } from '@colyseus/ws-transport';

const { values } = parseArgs({ options: { sample: { type: 'string' }, port: { type: 'string', default: '0' } } });
if (!values.sample) throw new Error('usage: server.mjs --sample <file.json> [--port <n>]');
const view = JSON.parse(fs.readFileSync(values.sample, 'utf8')).view;
/** As many timeline lines as our view carries at most (VIEW_WINDOWS.timeline). */
const TIMELINE_WINDOW = 50;

const Role = schema({ id: t.string(), name: t.string(), brief: t.string() }, 'Role');
const Scenario = schema(
  { id: t.string(), title: t.string(), summary: t.string(), difficulty: t.string(), roles: t.array(Role) },
  'Scenario',
);
const Clock = schema(
  { minutes: t.number(), label: t.string(), timebox: t.number(), pace: t.number(), start: t.string() },
  'Clock',
);
const Scene = schema({ id: t.string(), title: t.string(), narration: t.string() }, 'Scene');
const Choice = schema({ id: t.string(), label: t.string(), takes: t.number(), votes: t.number() }, 'Choice');
const Entry = schema(
  { seq: t.number(), game: t.number(), wall: t.number(), kind: t.string(), text: t.string(), by: t.string() },
  'Entry',
);
const Inject = schema(
  { key: t.string(), text: t.string(), to: t.array('string'), page: t.boolean(), game: t.number(), wall: t.number() },
  'Inject',
);
const Player = schema(
  { id: t.string(), name: t.string(), role: t.string(), hand: t.boolean(), ready: t.boolean() },
  'Player',
);
const Proposal = schema({ id: t.string(), playerId: t.string(), text: t.string(), wall: t.number() }, 'Proposal');
const Roll = schema(
  { seq: t.number(), label: t.string(), dice: t.string(), natural: t.number(), total: t.number() },
  'Roll',
);
const MapNode = schema(
  { id: t.string(), label: t.string(), kind: t.string(), visited: t.boolean(), current: t.boolean() },
  'MapNode',
);
const MapEdge = schema({ from: t.string(), to: t.string(), label: t.string(), taken: t.boolean() }, 'MapEdge');
const SessionState = schema(
  {
    seq: t.number(),
    phase: t.string(),
    team: t.string(),
    scenario: Scenario,
    clock: Clock,
    scene: Scene,
    choices: t.array(Choice),
    health: t.map('string'),
    injects: t.array(Inject),
    timeline: t.array(Entry),
    timelineCount: t.number(),
    players: t.array(Player),
    votes: t.map('string'),
    proposals: t.array(Proposal),
    rolls: t.array(Roll),
    mapNodes: t.array(MapNode),
    mapEdges: t.array(MapEdge),
  },
  'SessionState',
);

const str = (x) => (typeof x === 'string' ? x : x == null ? '' : String(x));
const num = (x) => (typeof x === 'number' ? x : 0);

/** The state of one session, from our real whole view. */
function seededState() {
  const s = new SessionState();
  s.seq = 0;
  s.phase = str(view.phase);
  s.team = str(view.team);
  s.scenario = new Scenario({
    id: str(view.scenario?.id),
    title: str(view.scenario?.title),
    summary: str(view.scenario?.summary),
    difficulty: str(view.scenario?.difficulty),
    roles: new ArraySchema(
      ...(view.scenario?.roles ?? []).map((r) => new Role({ id: r.id, name: r.name, brief: r.brief })),
    ),
  });
  const c = view.clock ?? {};
  s.clock = new Clock({
    minutes: num(c.minutes),
    label: str(c.label),
    timebox: num(c.timebox),
    pace: num(c.pace),
    start: str(c.start),
  });
  s.scene = new Scene({
    id: str(view.scene?.id),
    title: str(view.scene?.title),
    narration: str(view.scene?.narration),
  });
  for (const ch of view.choices ?? [])
    s.choices.push(new Choice({ id: ch.id, label: ch.label, takes: num(ch.takes), votes: num(ch.votes) }));
  for (const [k, v] of Object.entries(view.health ?? {})) s.health.set(k, str(v));
  for (const i of view.injects ?? []) s.injects.push(injectOf(i.key, i.text, i.to, i.page, i.at));
  for (const e of view.timeline ?? []) s.timeline.push(entryOf(e.seq, e.at, e.kind, e.text, e.by));
  s.timelineCount = num(view.timelineCount);
  for (const p of view.players ?? [])
    s.players.push(new Player({ id: p.id, name: p.name, role: str(p.role), hand: !!p.hand, ready: !!p.ready }));
  for (const n of view.map?.nodes ?? [])
    s.mapNodes.push(
      new MapNode({ id: n.id, label: n.label, kind: n.kind, visited: !!n.visited, current: !!n.current }),
    );
  for (const e of view.map?.edges ?? [])
    s.mapEdges.push(new MapEdge({ from: e.from, to: e.to, label: e.label, taken: !!e.taken }));
  return s;
}

function entryOf(seq, at, kind, text, by) {
  return new Entry({ seq, game: num(at?.game), wall: num(at?.wall), kind: str(kind), text: str(text), by: str(by) });
}

function injectOf(key, text, to, page, at) {
  return new Inject({
    key: str(key),
    text: str(text),
    to: new ArraySchema(...(to ?? [])),
    page: !!page,
    game: num(at?.game),
    wall: num(at?.wall),
  });
}

class SessionRoom extends Room {
  maxClients = 64;
  // Patches go out when the state changes (broadcastPatch below), never on a timer.
  patchRate = null;

  onCreate() {
    this.state = seededState();
    this.onMessage('command', (client, command) => this.apply(client, command));
  }

  /** Each client says which seat it holds (the facilitator none), so a raised hand lands on its player. */
  onJoin(client, options) {
    client.userData = { seat: Number(options?.seat ?? -1), name: str(options?.name) || 'Facilitator' };
  }

  apply(client, command) {
    const s = this.state;
    const seq = s.seq + 1;
    const at = { game: s.clock.minutes, wall: Date.now() };
    const who = client.userData?.name ?? 'Facilitator';
    const line = (kind, text) => {
      s.timeline.push(entryOf(seq, at, kind, text, who));
      if (s.timeline.length > TIMELINE_WINDOW) s.timeline.shift();
      s.timelineCount += 1;
    };
    switch (command?.type) {
      case 'timeline.post':
      case 'coach':
        line('note', str(command.text));
        break;
      case 'choice.vote': {
        s.votes.set(client.sessionId, str(command.choiceId));
        const choice = s.choices.find((c) => c.id === command.choiceId);
        if (choice) choice.votes += 1;
        break;
      }
      case 'hand.raise': {
        const seat = client.userData?.seat ?? -1;
        const player = seat >= 0 ? s.players.at(seat) : undefined;
        if (player) player.hand = !!command.raised;
        break;
      }
      case 'action.propose':
        s.proposals.push(
          new Proposal({ id: `p${seq}`, playerId: client.sessionId, text: str(command.text), wall: at.wall }),
        );
        line('proposal', str(command.text));
        break;
      case 'inject.reveal':
      case 'inject.improvise':
        s.injects.push(injectOf(`i${seq}`, command.text ?? command.injectId, command.to ?? null, false, at));
        line('inject', str(command.text ?? command.injectId));
        break;
      case 'dice.roll': {
        const natural = 1 + Math.floor(Math.random() * 20);
        s.rolls.push(new Roll({ seq, label: str(command.label), dice: str(command.dice), natural, total: natural }));
        line('roll', `${str(command.label)}: ${natural}`);
        break;
      }
      case 'clock.advance':
        s.clock.minutes += num(command.minutes);
        s.clock.label = `T+${s.clock.minutes}`;
        break;
      default:
        break;
    }
    s.seq = seq;
    this.broadcastPatch();
    client.send('ack', { ok: true, seq });
  }
}

const http = createServer();
const server = new Server({ transport: new WebSocketTransport({ server: http }), greet: false });
server.define('session', SessionRoom);
await server.listen(Number(values.port), '127.0.0.1');
const address = http.address();
console.log(
  `CQ-READY ${JSON.stringify({ port: typeof address === 'object' && address ? address.port : Number(values.port) })}`,
);
