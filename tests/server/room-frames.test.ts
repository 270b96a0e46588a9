import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { textFrame } from '../../server/src/socket/room-frames.ts';
import { createSession, joinSession, TestClient, until, withServer } from './harness.ts';

interface FrameOptions {
  fin: boolean;
  rsv1: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
}
/** ws's own framing, which engine.io uses for its pre-encoded frames (absent from ws's published types). */
const { Sender } = WebSocket as unknown as { Sender: { frame(data: Buffer, options: FrameOptions): Buffer[] } };

/**
 * Room patches are written straight to each member's WebSocket (server/src/socket/room-frames.ts):
 * the frames must be the bytes ws itself would send, a long-polling member must still get every
 * patch through engine.io, and the sender's ack (now in the same write as its patch) must still
 * come after the patch it acknowledges.
 */
describe('room frames', () => {
  it('frames text exactly as ws does, at each of the three length encodings', () => {
    for (const length of [5, 125, 126, 350, 65535, 65536, 70_000]) {
      const text = `42["patch",${'x'.repeat(length)}é]`;
      const expected = Buffer.concat(
        Sender.frame(Buffer.from(text), {
          fin: true,
          rsv1: false,
          opcode: 1,
          mask: false,
          readOnly: false,
        }),
      );
      expect(textFrame(text).equals(expected), `length ${length}`).toBe(true);
    }
  });

  it('gets every patch to WebSocket and long-polling members alike, each ack after its patch', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const ana = await joinSession(server, created.joinCode, 'Ana');
      const bo = await joinSession(server, created.joinCode, 'Bo');
      const onSocket = await TestClient.connect(server.url, { token: ana.playerToken });
      const polling = await TestClient.connect(server.url, { token: bo.playerToken }, { transport: 'polling' });
      expect(polling.socket.io.engine.transport.name).toBe('polling');
      for (const client of [onSocket, polling]) {
        const ack = await client.send({ type: 'role.take', role: client === onSocket ? 'sre' : 'comms' });
        expect(ack).toEqual({ ok: true, seq: expect.any(Number) });
      }
      expect((await facilitator.send({ type: 'session.start' })).ok).toBe(true);

      // Each sender holds the patch of its own command by the time its ack arrives.
      const posted: number[] = [];
      for (let i = 0; i < 6; i++) {
        for (const client of [facilitator, onSocket, polling]) {
          const ack = await client.send({ type: 'timeline.post', text: `line ${i}` });
          if (!ack.ok) throw new Error(`refused: ${ack.error.message}`);
          expect(client.latest.seq).toBe(ack.seq);
          posted.push(ack.seq);
        }
      }
      const last = posted.at(-1) ?? 0;
      await until(() => [facilitator, onSocket, polling].every((client) => client.latest.seq === last));
      for (const client of [facilitator, onSocket, polling]) {
        expect(client.misfits).toEqual([]);
        const resynced = await client.resync();
        expect(client.views.findLast((v) => v.seq === last && v !== resynced)?.view).toEqual(resynced.view);
      }
      for (const client of [facilitator, onSocket, polling]) client.close();
    });
  });
});
