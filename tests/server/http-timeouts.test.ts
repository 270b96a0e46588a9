import { connect, type Socket as NetSocket } from 'node:net';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { HTTP_TIMEOUTS } from '../../server/src/http/limits.ts';
import { createSession, withServer } from './harness.ts';

// These run with the product's timeouts, so each waits out a real deadline; concurrently, the file takes about idleMs.
const { headersMs, requestMs, keepAliveMs, idleMs, checkEveryMs } = HTTP_TIMEOUTS;
const SLACK_MS = 3_000;

/** Opens a raw TCP connection, writes `chunks`, and resolves with how long the server took to close it and what it sent. */
function heldOpen(port: number, chunks: string[]): Promise<{ ms: number; received: string }> {
  return new Promise((resolve, reject) => {
    const socket: NetSocket = connect(port, '127.0.0.1');
    const started = Date.now();
    let received = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    socket.on('data', (data: string) => (received += data));
    socket.on('error', reject);
    socket.on('close', () => resolve({ ms: Date.now() - started, received }));
  });
}

describe.concurrent('idle connections are reaped (issue 9, finding 10)', () => {
  it('closes a TCP connection that sends nothing after the header timeout', async () => {
    await withServer(async (server) => {
      const { ms } = await heldOpen(server.port, []);
      expect(ms).toBeGreaterThanOrEqual(headersMs - 100);
      expect(ms).toBeLessThan(headersMs + checkEveryMs + SLACK_MS);
    });
  }, 60_000);

  it('closes a POST that sends half its body and stalls, after the request timeout, with a 408', async () => {
    await withServer(async (server) => {
      const body = JSON.stringify({ scenarioId: 'dns-ttl-trap', team: 'x'.repeat(200) });
      const head = `POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
      const { ms, received } = await heldOpen(server.port, [head, body.slice(0, body.length / 2)]);
      expect(received).toMatch(/^HTTP\/1\.1 408/);
      expect(ms).toBeGreaterThanOrEqual(requestMs - 100);
      expect(ms).toBeLessThan(requestMs + checkEveryMs + SLACK_MS);
      expect(server.hub.liveCount()).toBe(0);
    });
  }, 60_000);

  it('closes a kept-alive connection with no next request after the keep-alive timeout', async () => {
    await withServer(async (server) => {
      const { ms, received } = await heldOpen(server.port, ['GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n']);
      expect(received).toMatch(/^HTTP\/1\.1 200/);
      expect(ms).toBeGreaterThanOrEqual(keepAliveMs - 100);
      expect(ms).toBeLessThan(keepAliveMs + SLACK_MS);
    });
  }, 60_000);

  it('keeps Socket.IO connections, WebSocket and long-polling, open past every timeout', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const clients = (['websocket', 'polling'] as const).map((transport) => {
        const socket = io(server.url, {
          auth: { token: created.facilitatorToken },
          transports: [transport],
          reconnection: false,
          forceNew: true,
        });
        const disconnects: string[] = [];
        socket.on('disconnect', (reason) => disconnects.push(reason));
        return { transport, socket, disconnects };
      });
      await Promise.all(
        clients.map(
          ({ socket }) =>
            new Promise<void>(
              (resolve, reject) => (socket.once('view', () => resolve()), socket.once('connect_error', reject)),
            ),
        ),
      );
      const ids = clients.map(({ socket }) => socket.id);
      await new Promise((r) => setTimeout(r, idleMs + SLACK_MS));
      for (const { transport, socket, disconnects } of clients) {
        expect(disconnects, transport).toEqual([]);
        expect(socket.connected, transport).toBe(true);
        expect(socket.io.engine.transport.name, transport).toBe(transport);
        const view = (await socket.timeout(5_000).emitWithAck('resync')) as { seq: number } | null;
        expect(view?.seq, transport).toBeGreaterThanOrEqual(0);
      }
      expect(clients.map(({ socket }) => socket.id)).toEqual(ids);
      for (const { socket } of clients) socket.close();
    });
  }, 90_000);
});
