import { readFileSync } from 'node:fs';
import { parseScenario, stateHash, type Actor, type ViewMessage } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../auth/tokens.ts';
import { createServerMetrics } from '../metrics/server-metrics.ts';
import { ScenarioCache } from '../scenarios/by-hash.ts';
import { sha256Hex } from '../scenarios/hash.ts';
import { MemoryStore } from '../store/memory-store.ts';
import { SessionHub } from './hub.ts';
import type { Connection } from './live-session.ts';

const text = readFileSync(new URL('../../../tests/server/fixtures/scenarios/dns-ttl-trap.yaml', import.meta.url), 'utf8');
const scenario = parseScenario(text, 'dns-ttl-trap.yaml').scenario;
if (!scenario) throw new Error('fixture scenario does not parse');
const start = { scenario, text, hash: sha256Hex(text) };
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const facilitator: Actor = { kind: 'facilitator' };

function hubOn(store: MemoryStore, snapshotEvery = 200, idleMs?: number) {
  const metrics = createServerMetrics({ sessionsLive: () => 0, socketsConnected: () => 0 });
  return { hub: new SessionHub({ store, scenarios: new ScenarioCache(), metrics, log: quiet, snapshotEvery, ...(idleMs ? { idleMs } : {}) }), metrics };
}

function recorder(id: string, viewer: Connection['viewer']) {
  const views: ViewMessage[] = [];
  let closed = false;
  const connection: Connection = { id, viewer, sendView: (m) => views.push(m), sendPresence: () => {}, close: () => (closed = true) };
  return { connection, views, closed: () => closed };
}

describe('SessionHub', () => {
  it('applies a retried command id once and answers with the first ack', async () => {
    const { hub, metrics } = hubOn(new MemoryStore());
    const { sessionId } = await hub.create(start, { seed: 's', team: null });
    const first = await hub.submit(sessionId, facilitator, { id: 'c1', type: 'session.brief' });
    const again = await hub.submit(sessionId, facilitator, { id: 'c1', type: 'session.brief' });
    expect(first).toEqual({ ok: true, seq: 1 });
    expect(again).toEqual(first);
    expect((await hub.get(sessionId))?.state.seq).toBe(1);
    expect(metrics.commands.get({ type: 'session.brief', result: 'duplicate' })).toBe(1);
  });

  it('applies concurrent commands of one session in the order they arrived', async () => {
    const store = new MemoryStore();
    const { hub } = hubOn(store);
    const { sessionId } = await hub.create(start, { seed: 's', team: null });
    const names = Array.from({ length: 12 }, (_, i) => `P${i}`);
    const acks = await Promise.all(names.map((name) => hub.join(sessionId, name)));
    expect(acks.every((a) => a.ok)).toBe(true);
    const log = await store.readLog(sessionId);
    expect(log.map((e) => e.seq)).toEqual(names.map((_, i) => i + 1));
    expect(log.map((e) => (e.command.type === 'player.join' ? e.command.name : ''))).toEqual(names);
  });

  it('leaves state and log untouched when the engine refuses a command', async () => {
    const store = new MemoryStore();
    const { hub } = hubOn(store);
    const { sessionId } = await hub.create(start, { seed: 's', team: null });
    const ack = await hub.submit(sessionId, facilitator, { id: 'x', type: 'clock.advance', minutes: 5 });
    expect(ack).toMatchObject({ ok: false, error: { code: 'wrong-phase' } });
    expect(await store.readLog(sessionId)).toEqual([]);
  });

  it('rebuilds a session after a restart from its snapshot and log tail, to the same state', async () => {
    const store = new MemoryStore();
    const { hub } = hubOn(store, 3);
    const { sessionId } = await hub.create(start, { seed: 'seed-7', team: 'blue' });
    for (const name of ['Ana', 'Bo', 'Cy', 'Di']) await hub.join(sessionId, name);
    await hub.submit(sessionId, facilitator, { id: 'go', type: 'session.start' });
    await hub.submit(sessionId, facilitator, { id: 'adv', type: 'clock.advance', minutes: 12 });
    const before = (await hub.get(sessionId))?.state;
    expect((await store.latestSnapshot(sessionId))?.seq).toBe(6);
    await hub.close();
    const restarted = hubOn(store).hub;
    const after = (await restarted.get(sessionId))?.state;
    expect(after && stateHash(after)).toBe(before && stateHash(before));
    expect(await restarted.get('no-such-session')).toBeNull();
  });

  it('sends each viewer its own projection after every accepted command', async () => {
    const { hub } = hubOn(new MemoryStore());
    const { sessionId } = await hub.create(start, { seed: 's', team: null });
    const joined = await hub.join(sessionId, 'Ana');
    if (!joined.ok) throw new Error('join failed');
    const player = recorder('p', { kind: 'player', playerId: joined.playerId });
    const observer = recorder('o', { kind: 'observer' });
    await hub.connect(sessionId, player.connection);
    await hub.connect(sessionId, observer.connection);
    await hub.submit(sessionId, { kind: 'player', playerId: joined.playerId }, { id: 'r', type: 'role.take', role: 'sre' });
    expect(player.views.map((m) => m.seq)).toEqual([1, 2]);
    expect(observer.views.map((m) => m.view.viewer)).toEqual(['observer', 'observer']);
    const last = player.views[1]?.view;
    expect(last?.viewer === 'player' && last.me.role?.secrets).toEqual(['Yesterday you raised the resolver TTL to 24h.']);
    expect(JSON.stringify(observer.views)).not.toContain('24h');
  });

  it('revokes a removed player and closes their connections', async () => {
    const store = new MemoryStore();
    const { hub } = hubOn(store);
    const { sessionId } = await hub.create(start, { seed: 's', team: null });
    const joined = await hub.join(sessionId, 'Ana');
    if (!joined.ok) throw new Error('join failed');
    const player = recorder('p', { kind: 'player', playerId: joined.playerId });
    await hub.connect(sessionId, player.connection);
    expect(await store.findSeat(hashToken(joined.playerToken))).not.toBeNull();
    await hub.submit(sessionId, facilitator, { id: 'rm', type: 'player.remove', playerId: joined.playerId });
    expect(await store.findSeat(hashToken(joined.playerToken))).toBeNull();
    expect(player.closed()).toBe(true);
  });

  it('unloads a session nobody is connected to, and loads it again on the next touch', async () => {
    const { hub } = hubOn(new MemoryStore(), 200, 20);
    const { sessionId } = await hub.create(start, { seed: 's', team: null });
    const watcher = recorder('w', { kind: 'observer' });
    await hub.connect(sessionId, watcher.connection);
    await hub.submit(sessionId, facilitator, { id: 'b', type: 'session.brief' });
    await new Promise((r) => setTimeout(r, 60));
    expect(hub.liveCount()).toBe(1);
    hub.disconnect(sessionId, 'w');
    for (let i = 0; i < 100 && hub.liveCount() > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(hub.liveCount()).toBe(0);
    const reloaded = await hub.get(sessionId);
    expect(reloaded?.state.seq).toBe(1);
    expect(hub.liveCount()).toBe(1);
    await hub.close();
  });
});
