import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BurstPlayer, BurstSystem, BurstTable } from './burst-step.ts';
import { REPO, spawnListening, type ListeningChild } from './child-process.ts';
import { TableScript, type Draw } from './load-commands.ts';
import { connectAll, type Ack, type LoadSocket } from './load-socket.ts';
import type { UpdateSample } from './load-step.ts';
import { mapLimit, startBareTarget, startChaosTarget, type LoadTarget } from './load-target.ts';

/** Our server or the bare relay, driven through the load generator's Socket.IO sockets. */
export interface SocketBurstSystem extends BurstSystem {
  /** The whole view and patches players got (one player of each of up to ten tables), for the baselines to send back. */
  sample(): UpdateSample | null;
}

/**
 * The real server (synchronous=FULL), reporting its event-loop delay around the measured bursts.
 * `synchronous: 'OFF'` only to tell the disk's share of latency from the CPU's.
 */
export async function chaosBurstSystem(
  nodeArgs?: string[],
  synchronous: 'FULL' | 'OFF' = 'FULL',
): Promise<SocketBurstSystem> {
  const target = await startChaosTarget({
    ...(nodeArgs ? { nodeArgs } : {}),
    synchronous,
    extraArgs: ['--event-loop'],
  });
  return socketSystem(target, true, () => eventLoopReport(target.child));
}

/** The bare Socket.IO relay, sending back the frames our server sent. */
export async function bareBurstSystem(sample: UpdateSample): Promise<SocketBurstSystem> {
  return socketSystem(await startBareTarget(sample), false, null);
}

function socketSystem(
  target: LoadTarget,
  opening: boolean,
  report: (() => Promise<Record<string, number> | null>) | null,
): SocketBurstSystem {
  let sockets: LoadSocket[] = [];
  let samplers: LoadSocket[] = [];
  return {
    name: target.name,
    pid: target.child.pid,
    async openTables(count, players) {
      const seats = await target.openTables(count, players);
      sockets = await connectAll(
        target.child.url,
        seats.flatMap((s) => [s.facilitator, ...s.players]),
      );
      const per = players + 1;
      const tables = seats.map((s, i) => {
        const facilitator = sockets[i * per] as LoadSocket;
        const seated = sockets.slice(i * per + 1, (i + 1) * per);
        const table: BurstTable = {
          script: new TableScript(s.playerIds),
          players: seated,
          send: (draw: Draw, timeoutMs: number) =>
            (draw.sender === 'facilitator' ? facilitator : (seated[draw.sender] as LoadSocket)).send(
              draw.command,
              timeoutMs,
            ),
        };
        return table;
      });
      samplers = tables.slice(0, 10).map((t) => t.players[0] as LoadSocket);
      for (const sampler of samplers) sampler.sampling = true;
      if (opening)
        await Promise.all(
          tables.map(async (t) => {
            for (const draw of t.script.opening()) await t.send(draw, 10_000);
          }),
        );
      return tables;
    },
    ...(report ? { report } : {}),
    sample() {
      const first = samplers[0];
      if (!first) return null;
      const patches: unknown[] = [];
      for (let i = 0; samplers.some((s) => i < s.sampledPatches.length); i++)
        for (const s of samplers) if (i < s.sampledPatches.length) patches.push(s.sampledPatches[i]);
      return patches.length > 0 ? { view: first.firstView, patches } : null;
    },
    async close() {
      for (const socket of sockets) socket.close();
      await target.close();
    },
  };
}

/** Asks the server child for its event-loop delay since the last ask (SIGUSR2; it prints one line). */
async function eventLoopReport(child: ListeningChild): Promise<Record<string, number> | null> {
  const seen = child.output.length;
  child.proc.kill('SIGUSR2');
  for (let waited = 0; waited < 2000; waited += 20) {
    const line = child.output.slice(seen).find((l) => l.startsWith(EVENT_LOOP_PREFIX));
    if (line) return JSON.parse(line.slice(EVENT_LOOP_PREFIX.length)) as Record<string, number>;
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

/** The line the server child prints on SIGUSR2 when started with `--event-loop`. */
export const EVENT_LOOP_PREFIX = 'CQ-EVENT-LOOP ';

const COLYSEUS_DIR = path.join(REPO, 'tests', 'bench', 'colyseus');

/**
 * Installs the Colyseus baseline's own package on first use. It is kept out of the project's
 * install: Colyseus 0.18's peer ranges only resolve with --legacy-peer-deps.
 */
export function ensureColyseus(): void {
  if (fs.existsSync(path.join(COLYSEUS_DIR, 'node_modules', '@colyseus', 'sdk', 'package.json'))) return;
  const args = ['ci', '--legacy-peer-deps', '--no-audit', '--no-fund', '--prefix', COLYSEUS_DIR];
  console.error(`Installing the Colyseus baseline: npm ${args.join(' ')}`);
  execFileSync('npm', args, { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** The part of @colyseus/sdk the burst uses (the package is plain JavaScript to this project). */
interface ColyseusRoom {
  readonly roomId: string;
  readonly sessionId: string;
  onStateChange(cb: (state: { seq: number }) => void): unknown;
  onMessage(type: string, cb: (message: unknown) => void): unknown;
  send(type: string, message: unknown): void;
  leave(consented?: boolean): Promise<unknown>;
}
interface ColyseusClient {
  create(room: string, options: Record<string, unknown>): Promise<ColyseusRoom>;
  joinById(roomId: string, options: Record<string, unknown>): Promise<ColyseusRoom>;
}

/** One Colyseus room connection: the seq its state holds, and the acks of what it sent, in order. */
class ColyseusSeat implements BurstPlayer {
  latestSeq = -1;
  private listener: (() => void) | null = null;
  private readonly acks: ((ack: Ack | null) => void)[] = [];
  readonly room: ColyseusRoom;

  constructor(room: ColyseusRoom) {
    this.room = room;
    room.onStateChange((state) => {
      if (state.seq > this.latestSeq) this.latestSeq = state.seq;
      this.listener?.();
    });
    room.onMessage('ack', (message) => this.acks.shift()?.(message as Ack));
  }

  watch(listener: (() => void) | null): void {
    this.listener = listener;
  }

  send(command: unknown, timeoutMs: number): Promise<Ack | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      this.acks.push((ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      this.room.send('command', command);
    });
  }
}

/** Colyseus 0.18 in a child (tests/bench/colyseus/server.mjs), its rooms seeded from our real view. */
export async function colyseusBurstSystem(sample: UpdateSample): Promise<BurstSystem> {
  ensureColyseus();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cq-colyseus-'));
  const sampleFile = path.join(dir, 'sample.json');
  fs.writeFileSync(sampleFile, JSON.stringify(sample));
  const child = await spawnListening(path.join(COLYSEUS_DIR, 'server.mjs'), ['--sample', sampleFile]);
  const sdk = (await import(pathToFileURL(path.join(COLYSEUS_DIR, 'client.mjs')).href)) as {
    Client: new (url: string) => ColyseusClient;
  };
  const client = new sdk.Client(`ws://127.0.0.1:${child.port}`);
  const seats: ColyseusSeat[] = [];
  return {
    name: 'colyseus',
    pid: child.pid,
    async openTables(count, players) {
      return mapLimit(count, 20, async (i) => {
        const facilitator = new ColyseusSeat(await client.create('session', { seat: -1 }));
        const seated: ColyseusSeat[] = [];
        for (let p = 0; p < players; p++)
          seated.push(
            new ColyseusSeat(await client.joinById(facilitator.room.roomId, { seat: p, name: `T${i} P${p + 1}` })),
          );
        seats.push(facilitator, ...seated);
        return {
          script: new TableScript(seated.map((s) => s.room.sessionId)),
          players: seated,
          send: (draw: Draw, timeoutMs: number) =>
            (draw.sender === 'facilitator' ? facilitator : (seated[draw.sender] as ColyseusSeat)).send(
              draw.command,
              timeoutMs,
            ),
        };
      });
    },
    async close() {
      await Promise.all(seats.map((s) => s.room.leave(true).catch(() => undefined)));
      await child.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
