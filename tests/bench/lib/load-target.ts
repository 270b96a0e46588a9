import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CreateSessionResponse, JoinResponse } from '@chaos-quest/engine';
import { REPO, spawnListening, type ListeningChild } from './child-process.ts';
import type { UpdateSample } from './load-step.ts';
import { postJson } from './post-json.ts';

/** The auths one table's sockets connect with, and its players' ids (for coaching). */
export interface TableSeats {
  facilitator: Record<string, unknown>;
  players: Record<string, unknown>[];
  playerIds: string[];
}

/** A server under load, in its own process: the real one or the bare relay. */
export interface LoadTarget {
  readonly name: string;
  readonly child: ListeningChild;
  /** Opens `count` tables of `players` seats each. Rejects when the server refuses one. */
  openTables(count: number, players: number): Promise<TableSeats[]>;
  /** Stops the child and removes its files. */
  close(): Promise<void>;
}

const LIB = path.join(REPO, 'tests', 'bench', 'lib');
export const BENCH_SCENARIOS = path.join(REPO, 'tests', 'bench', 'fixtures');

/**
 * The real server in a child on a fresh temp data dir (SQLite, synchronous=FULL), playing the
 * bench fixture scenario. `nodeArgs` reach the child's node (for `--cpu-prof`, say), `extraArgs`
 * the child script (`--event-loop`).
 */
export async function startChaosTarget(
  options: { nodeArgs?: string[]; synchronous?: 'FULL' | 'OFF'; extraArgs?: string[] } = {},
): Promise<LoadTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cq-load-'));
  const args = [
    '--data',
    dataDir,
    '--scenarios',
    BENCH_SCENARIOS,
    '--synchronous',
    options.synchronous ?? 'FULL',
    ...(options.extraArgs ?? []),
  ];
  const child = await spawnListening(
    path.join(LIB, 'server-child.ts'),
    args,
    options.nodeArgs ? { nodeArgs: options.nodeArgs } : {},
  );
  return {
    name: 'chaos-quest',
    child,
    openTables: (count, players) => mapLimit(count, 20, (i) => openChaosTable(child.url, i, players)),
    async close() {
      await child.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens one session on the server at `url` and seats `players` players in it over HTTP. Rejects on any refusal. */
export async function openChaosTable(url: string, i: number, players: number): Promise<TableSeats> {
  const created = await postJson<CreateSessionResponse>(`${url}/api/sessions`, {
    scenarioId: 'dns-ttl-trap',
    seed: `load-${i}`,
    team: `load-${i}`,
  });
  // Joins are appended one at a time per session anyway; in order keeps names and seats aligned.
  const seats: JoinResponse[] = [];
  for (let p = 0; p < players; p++)
    seats.push(
      await postJson<JoinResponse>(`${url}/api/join`, { joinCode: created.joinCode, name: `T${i} P${p + 1}` }),
    );
  return {
    facilitator: { token: created.facilitatorToken },
    players: seats.map((s) => ({ token: s.playerToken })),
    playerIds: seats.map((s) => s.playerId),
  };
}

/**
 * The bare Socket.IO relay in a child: a copy of a real whole view on connect, then on every
 * command the next of the real patches sampled (see UpdateSample).
 */
export async function startBareTarget(sample: UpdateSample | null): Promise<LoadTarget> {
  if (!sample) throw new Error('The bare relay needs the views the real server sent: run ours first.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cq-bare-'));
  const sampleFile = path.join(dir, 'sample.json');
  fs.writeFileSync(sampleFile, JSON.stringify(sample));
  const child = await spawnListening(path.join(LIB, 'bare-relay.ts'), ['--sample', sampleFile]);
  return {
    name: 'bare socket.io',
    child,
    async openTables(count, players) {
      return Array.from({ length: count }, (_, i) => ({
        facilitator: { room: `t${i}` },
        players: Array.from({ length: players }, () => ({ room: `t${i}` })),
        playerIds: Array.from({ length: players }, (_, p) => `t${i}p${p}`),
      }));
    },
    async close() {
      await child.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `fn(0..count-1)` with at most `limit` running at once, results in index order. */
export async function mapLimit<T>(count: number, limit: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      out[i] = await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return out;
}
