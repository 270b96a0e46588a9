import { readFileSync } from 'node:fs';
import {
  asRoleId,
  foldPatch,
  parseScenario,
  projectionFor,
  stateHash,
  viewFor,
  type Actor,
  type MeMessage,
  type PatchMessage,
  type ViewMessage,
} from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../auth/tokens.ts';
import { createServerMetrics } from '../metrics/server-metrics.ts';
import { ScenarioCache } from '../scenarios/by-hash.ts';
import { sha256Hex } from '../sha256.ts';
import { MemoryStore } from '../store/memory-store.ts';
import { SessionHub } from './hub.ts';
import type { Connection, RoomSender } from './live-session.ts';

const text = readFileSync(
  new URL('../../../tests/server/fixtures/scenarios/dns-ttl-trap.yaml', import.meta.url),
  'utf8',
);
const scenario = parseScenario(text, 'dns-ttl-trap.yaml').scenario;
if (!scenario) throw new Error('fixture scenario does not parse');
const start = { scenario, text, hash: sha256Hex(text) };
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const facilitator: Actor = { kind: 'facilitator' };

type Recorder = ReturnType<typeof recorder>;
/** Every recorder made so far: the rooms below deliver to those whose connection is in the room, as Socket.IO's would. */
const recorders = new Set<Recorder>();
const rooms: RoomSender = {
  sendView: (room, message) => recorders.forEach((r) => r.connection.room === room && r.connection.sendView(message)),
  sendPatch: (room, message) => recorders.forEach((r) => r.connection.room === room && r.receivePatch(message)),
};

function hubOn(store: MemoryStore, snapshotEvery = 200, idleMs?: number) {
  const metrics = createServerMetrics({ sessionsLive: () => 0, socketsConnected: () => 0 });
  return {
    hub: new SessionHub({
      store,
      scenarios: new ScenarioCache(),
      metrics,
      log: quiet,
      rooms,
      snapshotEvery,
      ...(idleMs ? { idleMs } : {}),
    }),
    metrics,
  };
}

/** A connection that holds what a client would: `views` is its projection after each view or patch. */
function recorder(id: string, viewer: Connection['viewer']) {
  const views: ViewMessage[] = [];
  const patches: PatchMessage[] = [];
  const misfits: PatchMessage[] = [];
  const mes: MeMessage[] = [];
  const rooms: string[] = [];
  let closed = false;
  const connection: Connection = {
    id,
    viewer,
    console: viewer.kind === 'facilitator' ? 'facilitator' : null,
    get room() {
      return closed ? null : (rooms.at(-1) ?? null);
    },
    joinRoom: (room) => rooms.push(room),
    sendView: (m) => views.push(m),
    sendMe: (m) => mes.push(m),
    sendPresence: () => {},
    sendSeat: () => {},
    close: () => (closed = true),
  };
  const receivePatch = (m: PatchMessage) => {
    patches.push(m);
    const folded = foldPatch(views.at(-1) ?? null, m);
    if (folded === null) misfits.push(m);
    else if (folded !== 'stale') views.push(folded);
  };
  const made = { connection, receivePatch, views, patches, misfits, mes, rooms, closed: () => closed };
  recorders.add(made);
  return made;
}

describe('SessionHub', () => {
  it('applies a retried command id once and answers with the first ack', async () => {
    const { hub, metrics } = hubOn(new MemoryStore());
    const { sessionId } = await hub.create(start, { seed: 's', team: null });
    const first = await hub.submit(sessionId, facilitator, { id: 'c1', type: 'session.brief' });
    const again = await hub.submit(sessionId, facilitator, { id: 'c1', type: 'session.brief' });
    // Seq 1 is the rules step every new session opens with.
    expect(first).toEqual({ ok: true, seq: 2 });
    expect(again).toEqual(first);
    expect((await hub.get(sessionId))?.state.seq).toBe(2);
    expect(metrics.commands.get({ type: 'session.brief', result: 'duplicate' })).toBe(1);
  });

  it('answers a retry from before a restart with its first ack, whether it would be refused or accepted now', async () => {
    const store = new MemoryStore();
    const { hub } = hubOn(store);
    const { sessionId } = await hub.create(start, { seed: 's', team: null });
    await hub.submit(sessionId, facilitator, { id: 'brief', type: 'session.brief' });
    await hub.submit(sessionId, facilitator, { id: 'start', type: 'session.start' });
    expect(
      await hub.submit(sessionId, facilitator, { id: 'note', type: 'timeline.post', text: 'Bridge is open' }),
    ).toEqual({ ok: true, seq: 4 });
    // A new hub on the same store knows no recent keys: only the store remembers the two commands.
    const { hub: restarted, metrics } = hubOn(store);
    expect(await restarted.submit(sessionId, facilitator, { id: 'brief', type: 'session.brief' })).toEqual({
      ok: true,
      seq: 2,
    });
    expect(
      await restarted.submit(sessionId, facilitator, { id: 'note', type: 'timeline.post', text: 'Bridge is open' }),
    ).toEqual({ ok: true, seq: 4 });
    expect(metrics.commands.get({ type: 'timeline.post', result: 'duplicate' })).toBe(1);
    expect((await store.readLog(sessionId)).map((e) => e.command.id)).toEqual([
      'create-rules',
      'brief',
      'start',
      'note',
    ]);
    expect((await restarted.get(sessionId))?.state.seq).toBe(4);
    // And a new id is still a new command.
    expect(
      await restarted.submit(sessionId, facilitator, { id: 'note-2', type: 'timeline.post', text: 'Bridge is open' }),
    ).toEqual({ ok: true, seq: 5 });
  });

  it('applies concurrent commands of one session in the order they arrived', async () => {
    const store = new MemoryStore();
    const { hub } = hubOn(store);
    const { sessionId } = await hub.create(start, { seed: 's', team: null });
    const names = Array.from({ length: 12 }, (_, i) => `P${i}`);
    const acks = await Promise.all(names.map((name) => hub.join(sessionId, name)));
    expect(acks.every((a) => a.ok)).toBe(true);
    const log = (await store.readLog(sessionId)).slice(1);
    expect(log.map((e) => e.seq)).toEqual(names.map((_, i) => i + 2));
    expect(log.map((e) => (e.command.type === 'player.join' ? e.command.name : ''))).toEqual(names);
  });

  it('leaves state and log untouched when the engine refuses a command', async () => {
    const store = new MemoryStore();
    const { hub } = hubOn(store);
    const { sessionId } = await hub.create(start, { seed: 's', team: null });
    const ack = await hub.submit(sessionId, facilitator, { id: 'x', type: 'clock.advance', minutes: 5 });
    expect(ack).toMatchObject({ ok: false, error: { code: 'wrong-phase' } });
    expect((await store.readLog(sessionId)).map((e) => e.command.type)).toEqual(['session.rules']);
  });

  it('rebuilds a session after a restart from its snapshot and log tail, to the same state', async () => {
    const store = new MemoryStore();
    const { hub } = hubOn(store, 3);
    const { sessionId } = await hub.create(start, { seed: 'seed-7', team: 'blue' });
    for (const name of ['Ana', 'Bo', 'Cy', 'Di']) await hub.join(sessionId, name);
    await hub.submit(sessionId, facilitator, { id: 'go', type: 'session.start' });
    await hub.submit(sessionId, facilitator, { id: 'adv', type: 'clock.advance', minutes: 12 });
    const before = (await hub.get(sessionId))?.state;
    // The first snapshot comes after three commands; the next waits until the log has grown by a
    // quarter of that snapshot's size (LiveSession.snapshotDue), so seqs 4 to 7 are the tail.
    expect((await store.latestSnapshot(sessionId))?.seq).toBe(3);
    await hub.close();
    const restarted = hubOn(store).hub;
    const after = (await restarted.get(sessionId))?.state;
    expect(after && stateHash(after)).toBe(before && stateHash(before));
    expect(await restarted.get('no-such-session')).toBeNull();
  });

  it('sends each audience its projection and each player their own me, only when it changed', async () => {
    const { hub } = hubOn(new MemoryStore());
    const { sessionId } = await hub.create(start, { seed: 's', team: null });
    const [ana, bo] = await Promise.all([hub.join(sessionId, 'Ana'), hub.join(sessionId, 'Bo')]);
    if (!ana?.ok || !bo?.ok) throw new Error('join failed');
    const asAna: Actor = { kind: 'player', playerId: ana.playerId };
    const a = recorder('a', asAna);
    const b = recorder('b', { kind: 'player', playerId: bo.playerId });
    const observer = recorder('o', { kind: 'observer' });
    for (const r of [a, b, observer]) await hub.connect(sessionId, r.connection);
    await hub.submit(sessionId, asAna, { id: 'r', type: 'role.take', role: asRoleId('sre') });
    await hub.submit(sessionId, asAna, { id: 'h', type: 'hand.raise', raised: true });

    expect(a.rooms).toEqual([`${sessionId}|r:-`, `${sessionId}|r:sre`]);
    expect(b.rooms).toEqual([`${sessionId}|r:-`]);
    expect(observer.rooms).toEqual([`${sessionId}|o`]);
    expect(a.views.map((m) => m.seq)).toEqual([3, 4, 5]);
    // A connection's first view is whole and becomes what its room is patched against; a room
    // new to everyone (Ana's role) gets its first view whole too, then patches.
    expect(a.patches.map((m) => [m.base, m.seq])).toEqual([[4, 5]]);
    for (const r of [b, observer])
      expect(r.patches.map((m) => [m.base, m.seq])).toEqual([
        [3, 4],
        [4, 5],
      ]);
    for (const r of [a, b, observer]) expect(r.misfits).toEqual([]);
    expect(a.mes.map((m) => m.seq)).toEqual([3, 4, 5]);
    // Bo's own part did not change: only the view, which shows Ana's role and hand, reaches him.
    expect(b.mes.map((m) => m.seq)).toEqual([3]);
    expect(b.views.map((m) => m.seq)).toEqual([3, 4, 5]);
    // In the lobby a role's card carries its brief; its secrets wait for the briefing.
    expect(a.mes[1]?.me.role).toMatchObject({ id: 'sre', secrets: [] });
    expect(JSON.stringify([observer.views, b.views, b.mes, a.views, observer.patches, b.patches])).not.toContain('24h');
    const session = await hub.get(sessionId);
    if (!session) throw new Error('session gone');
    const composed = { ...a.views[2]?.view, me: a.mes[2]?.me };
    expect(JSON.stringify(composed)).toBe(JSON.stringify(viewFor(scenario, session.state, asAna)));
    expect(JSON.stringify(b.views[2]?.view)).toBe(
      JSON.stringify(projectionFor(scenario, session.state, { kind: 'role', role: null })),
    );
    expect(JSON.stringify(observer.views[2]?.view)).toBe(
      JSON.stringify(viewFor(scenario, session.state, { kind: 'observer' })),
    );
  });

  it("sends a player who changes role the new role's view whole, before the room's patch", async () => {
    const { hub } = hubOn(new MemoryStore());
    const { sessionId } = await hub.create(start, { seed: 's', team: null });
    const [ana, bo] = await Promise.all([hub.join(sessionId, 'Ana'), hub.join(sessionId, 'Bo')]);
    if (!ana?.ok || !bo?.ok) throw new Error('join failed');
    const asAna: Actor = { kind: 'player', playerId: ana.playerId };
    const asBo: Actor = { kind: 'player', playerId: bo.playerId };
    const a = recorder('a', asAna);
    const b = recorder('b', asBo);
    for (const r of [a, b]) await hub.connect(sessionId, r.connection);
    await hub.submit(sessionId, asBo, { id: 'b-sre', type: 'role.take', role: asRoleId('sre') });
    await hub.submit(sessionId, asBo, { id: 'b-note', type: 'hand.raise', raised: true });
    // Ana joins Bo's role: the sre room already has a view, so she gets it whole, then a stale patch.
    await hub.submit(sessionId, asAna, { id: 'a-sre', type: 'role.take', role: asRoleId('sre') });
    expect(a.rooms.at(-1)).toBe(`${sessionId}|r:sre`);
    expect(a.views.at(-1)?.seq).toBe(6);
    expect(a.patches.at(-1)).toMatchObject({ seq: 6, base: 5 });
    expect(a.misfits).toEqual([]);
    await hub.submit(sessionId, asBo, { id: 'b-down', type: 'hand.raise', raised: false });
    const session = await hub.get(sessionId);
    if (!session) throw new Error('session gone');
    const sre = JSON.stringify(projectionFor(scenario, session.state, { kind: 'role', role: asRoleId('sre') }));
    expect(JSON.stringify(a.views.at(-1)?.view)).toBe(sre);
    expect(JSON.stringify(b.views.at(-1)?.view)).toBe(sre);
    expect(a.views.at(-1)?.seq).toBe(7);
  });

  it('patches a room whose first member connected between two commands that left the seats alone', async () => {
    const { hub } = hubOn(new MemoryStore());
    const { sessionId } = await hub.create(start, { seed: 's', team: null });
    const ana = await hub.join(sessionId, 'Ana');
    if (!ana.ok) throw new Error('join failed');
    const asAna: Actor = { kind: 'player', playerId: ana.playerId };
    const a = recorder('a', asAna);
    await hub.connect(sessionId, a.connection);
    const ok = { ok: true, seq: expect.any(Number) };
    expect(await hub.submit(sessionId, asAna, { id: 'r', type: 'role.take', role: asRoleId('sre') })).toEqual(ok);
    expect(await hub.submit(sessionId, facilitator, { id: 'go', type: 'session.start' })).toEqual(ok);
    expect(await hub.submit(sessionId, facilitator, { id: 'l1', type: 'timeline.post', text: 'One' })).toEqual(ok);
    // The seats are as they were: a new audience's room must still be patched from now on.
    const f = recorder('f', facilitator);
    const o = recorder('o', { kind: 'observer' });
    await hub.connect(sessionId, f.connection);
    await hub.connect(sessionId, o.connection);
    expect(await hub.submit(sessionId, facilitator, { id: 'l2', type: 'timeline.post', text: 'Two' })).toEqual(ok);
    expect(await hub.submit(sessionId, facilitator, { id: 'l3', type: 'timeline.post', text: 'Three' })).toEqual(ok);
    const session = await hub.get(sessionId);
    if (!session) throw new Error('session gone');
    for (const [r, audience] of [
      [f, { kind: 'facilitator' }],
      [o, { kind: 'observer' }],
      [a, { kind: 'role', role: asRoleId('sre') }],
    ] as const) {
      expect(r.views.at(-1)?.seq).toBe(session.state.seq);
      expect(r.misfits).toEqual([]);
      expect(JSON.stringify(r.views.at(-1)?.view)).toBe(
        JSON.stringify(projectionFor(scenario, session.state, audience)),
      );
    }
    expect(f.patches.map((m) => m.seq)).toEqual([session.state.seq - 1, session.state.seq]);
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
    expect(reloaded?.state.seq).toBe(2);
    expect(hub.liveCount()).toBe(1);
    await hub.close();
  });
});
