import { clientCommandSchema } from '@chaos-quest/engine';
import fc from 'fast-check';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { createSession, joinSession, TestClient, withServer } from './harness.ts';

const TYPES = clientCommandSchema.options.map((o) => o.shape.type.value);

/** Near-misses of real commands: a real type with arbitrary fields, which reach deeper than pure noise. */
const nearCommand = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 70 }), fc.integer(), fc.constant(undefined)),
    type: fc.oneof(fc.constantFrom(...TYPES), fc.string({ maxLength: 20 })),
    text: fc.oneof(fc.string({ maxLength: 600 }), fc.anything()),
    minutes: fc.oneof(fc.integer(), fc.double(), fc.string()),
    playerId: fc.oneof(fc.string({ maxLength: 70 }), fc.anything()),
    role: fc.oneof(fc.constantFrom('ic', 'sre', 'comms', '__proto__', 'constructor'), fc.anything()),
    choiceId: fc.oneof(fc.constantFrom('look', 'hold', 'rollback'), fc.anything()),
    physical: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.anything()),
    raised: fc.anything(),
  },
  { requiredKeys: ['type'] },
);

describe('fuzzed payloads', () => {
  it('never crash the server: it still answers health and another session’s commands after', async () => {
    await withServer(
      async (server) => {
        const target = await createSession(server);
        const seat = await joinSession(server, target.joinCode, 'Fuzzer');
        const fuzzer = await TestClient.connect(server.url, { token: seat.playerToken });
        await fc.assert(
          fc.asyncProperty(fc.oneof(fc.anything(), nearCommand), async (payload) => {
            const ack = await fuzzer.sendRaw(payload);
            expect(typeof ack.ok).toBe('boolean');
            if (!ack.ok) expect(ack.error.message.length).toBeGreaterThan(0);
          }),
          { numRuns: 300 },
        );
        // Unknown events and events without an ack are ignored rather than fatal.
        fuzzer.socket.emit('nonsense', { a: 1 });
        fuzzer.socket.emit('command', { id: 'no-ack', type: 'hand.raise', raised: true });
        fuzzer.socket.emit('resync', 'not a function');

        await fc.assert(
          fc.asyncProperty(fc.anything(), async (auth) => {
            const socket = io(server.url, {
              auth: auth as Record<string, unknown>,
              transports: ['websocket'],
              reconnection: false,
              forceNew: true,
            });
            // A handshake that is not even an object breaks Socket.IO's protocol: it closes the transport.
            const outcome = await new Promise<string>((resolve) => {
              socket.once('connect_error', (e) => resolve(e.message));
              socket.once('disconnect', (reason) => resolve(reason));
              socket.once('connect', () => resolve('connected'));
            });
            socket.close();
            expect(outcome).not.toBe('connected');
          }),
          { numRuns: 40 },
        );

        expect(await fetch(`${server.url}/api/health`).then((r) => r.json())).toEqual({ ok: true, store: 'ok' });
        const other = await createSession(server);
        const facilitator = await TestClient.connect(server.url, { token: other.facilitatorToken });
        // Seq 1 is the rules step the session opened with.
        expect(await facilitator.send({ type: 'session.start' })).toEqual({ ok: true, seq: 2 });
        expect(fuzzer.socket.connected).toBe(true);
        fuzzer.close();
        facilitator.close();
      },
      { socketLimits: { perSecond: 100_000, burst: 100_000 }, joinLimit: { capacity: 1000, perSecond: 1000 } },
    );
  });
});
