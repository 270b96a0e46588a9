/// <reference types="node" />
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectSession, type SessionLink } from './connection.ts';
import { createSessionStore, type ConnectionState, type SessionStore } from './session-store.ts';
import { meMessage, projection } from './test-projections.ts';

const GOOD = 'a-good-seat-token-0123456789';

/** A small real Socket.IO server speaking the wire protocol: views and `me`, commands with acks, resync. */
class FakeSession {
  seq = 1;
  hand = false;
  meSeq = 1;
  resyncs = 0;
  commands: { id: string; type: string }[] = [];
  sockets: ServerSocket[] = [];
  readonly http: HttpServer = createServer();
  readonly io = new Server(this.http);

  constructor() {
    this.io.use((socket, next) => (socket.handshake.auth['token'] === GOOD ? next() : next(new Error('unknown seat'))));
    this.io.on('connection', (socket) => {
      this.sockets.push(socket);
      socket.emit('me', this.meMessage());
      socket.emit('view', this.message());
      socket.on('resync', (ack: (m: unknown) => void) => {
        this.resyncs += 1;
        socket.emit('me', this.meMessage());
        socket.emit('view', this.message());
        ack({ ok: true, seq: this.seq });
      });
      socket.on('command', (command: { id: string; type: string }, ack: (a: unknown) => void) => {
        this.commands.push(command);
        if (command.type === 'session.pause')
          return ack({ ok: false, error: { code: 'wrong-phase', message: 'Nothing to pause yet.' } });
        this.seq += 1;
        ack({ ok: true, seq: this.seq });
        this.io.emit('view', this.message());
        // Like the real server, `me` only when it changed, after the view of the same seq.
        if (command.type !== 'hand.raise') return;
        this.hand = !this.hand;
        this.meSeq = this.seq;
        this.io.emit('me', this.meMessage());
      });
    });
  }

  message() {
    return { seq: this.seq, view: projection(`v${this.seq}`, 'player') };
  }

  meMessage() {
    const message = meMessage(this.meSeq, 'Ana');
    return { ...message, me: { ...message.me, hand: this.hand } };
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }
}

async function until(store: SessionStore, predicate: (s: ConnectionState) => boolean): Promise<void> {
  if (predicate(store.getState())) return;
  await new Promise<void>((resolve) => {
    const stop = store.subscribe((s) => {
      if (predicate(s)) {
        stop();
        resolve();
      }
    });
  });
}

describe('session connection', () => {
  let server: FakeSession;
  let url: string;
  let link: SessionLink | null = null;
  const quick = { reconnectionDelay: 20, reconnectionDelayMax: 50 };

  beforeEach(async () => {
    server = new FakeSession();
    url = await server.listen();
  });
  afterEach(async () => {
    link?.close();
    link = null;
    await server.io.close();
  });

  it('goes online and shows the view the server sends on connect, composed with its me', async () => {
    const store = createSessionStore();
    link = connectSession(store, { url, auth: { token: GOOD } });
    await until(store, (s) => s.status === 'online' && s.sync.view !== null);
    expect(store.getState().sync.seq).toBe(1);
    expect(store.getState().sync.view).toEqual({
      ...projection('v1', 'player'),
      me: { ...meMessage(1, 'Ana').me, hand: false },
    });
  });

  it('keeps the last me while views without a change to it arrive, and takes a new one', async () => {
    const store = createSessionStore();
    link = connectSession(store, { url, auth: { token: GOOD } });
    await until(store, (s) => s.status === 'online' && s.sync.view !== null);
    await link.send({ type: 'clock.advance', minutes: 5 }, 'clock');
    await until(store, (s) => s.sync.seq === 2);
    expect(store.getState().sync.view).toMatchObject({ clock: { label: 'v2' }, me: { hand: false } });
    await link.send({ type: 'hand.raise', raised: true }, 'hand');
    await until(store, (s) => s.sync.me?.seq === 3);
    expect(store.getState().sync.view).toMatchObject({ clock: { label: 'v3' }, me: { hand: true } });
  });

  it('sends a command with a fresh id and settles it with the ack', async () => {
    const store = createSessionStore();
    link = connectSession(store, { url, auth: { token: GOOD } });
    await until(store, (s) => s.status === 'online');
    const outcome = await link.send({ type: 'clock.advance', minutes: 5 }, 'clock');
    expect(outcome).toEqual({ ok: true, seq: 2 });
    await link.send({ type: 'clock.advance', minutes: 1 }, 'clock');
    const ids = server.commands.map((c) => c.id);
    expect(new Set(ids).size).toBe(2);
    expect(store.getState().tracker.pending).toEqual({});
    await until(store, (s) => s.sync.seq === 3);
  });

  it('shows a refused command’s message against the control that sent it', async () => {
    const store = createSessionStore();
    link = connectSession(store, { url, auth: { token: GOOD } });
    await until(store, (s) => s.status === 'online');
    await link.send({ type: 'session.pause' }, 'pause-button');
    expect(store.getState().tracker.errors).toEqual({ 'pause-button': 'Nothing to pause yet.' });
  });

  it('asks for a resync when a view skips sequence numbers', async () => {
    const store = createSessionStore();
    link = connectSession(store, { url, auth: { token: GOOD } });
    await until(store, (s) => s.sync.seq === 1);
    server.seq = 5;
    server.io.emit('view', server.message());
    await until(store, (s) => s.sync.seq === 5);
    await expect.poll(() => server.resyncs).toBe(1);
  });

  it('shows the drop, reconnects by itself and resyncs', async () => {
    const store = createSessionStore();
    link = connectSession(store, { url, auth: { token: GOOD }, socketOptions: quick });
    await until(store, (s) => s.status === 'online');
    const statuses: string[] = [];
    store.subscribe((s) => statuses.push(s.status));
    server.sockets[0]?.conn.close();
    await until(store, (s) => s.status === 'reconnecting');
    await until(store, (s) => s.status === 'online');
    expect(statuses).toContain('reconnecting');
    await expect.poll(() => server.resyncs).toBe(1);
  });

  it('refuses to send while offline instead of queueing', async () => {
    const store = createSessionStore();
    link = connectSession(store, { url, auth: { token: GOOD }, socketOptions: { ...quick, reconnection: false } });
    await until(store, (s) => s.status === 'online');
    server.sockets[0]?.conn.close();
    await until(store, (s) => s.status === 'reconnecting');
    const outcome = await link.send({ type: 'hand.raise', raised: true }, 'hand');
    expect(outcome.ok).toBe(false);
    expect(store.getState().tracker.errors['hand']).toMatch(/offline/);
    expect(server.commands).toEqual([]);
  });

  it('reports a seat the server refuses, and does not retry', async () => {
    const store = createSessionStore();
    link = connectSession(store, { url, auth: { token: 'a-stale-token-000000000' } });
    await until(store, (s) => s.status === 'rejected');
    expect(store.getState().statusDetail).toMatch(/unknown seat/);
  });
});
