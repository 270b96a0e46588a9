/**
 * A hostile client for the flood-impact benchmark, in its own process so that its work does not
 * slow the load generator: with one player token it connects, fires a burst of commands without
 * waiting, and whenever the server cuts or refuses it, connects again at once. Every other
 * connection sends one frame over the transport's cap instead. Loopback only; stops on SIGTERM or after
 * `--seconds`, printing what it saw as JSON on its last line.
 *
 *   node --import tsx tests/bench/lib/flood-child.ts --url http://127.0.0.1:<port> --token <t> [--burst 200] [--seconds 120]
 */
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { announceReady } from './child-process.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    burst: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '120' },
  },
});
if (!values.url?.startsWith('http://127.0.0.1:') || !values.token)
  throw new Error('usage: flood-child.ts --url http://127.0.0.1:<port> --token <t>');
const url = values.url;
const token = values.token;
const burst = Number(values.burst);

const seen = {
  connections: 0,
  refusedHandshakes: 0,
  sent: 0,
  accepted: 0,
  refused: {} as Record<string, number>,
  cuts: 0,
  oversizedFrames: 0,
};
let stopping = false;

/** One connection's life: connect, attack, resolve when the server has cut it (or it would not connect). */
function attackOnce(oversized: boolean): Promise<void> {
  const socket = io(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
  return new Promise((resolve) => {
    const done = () => {
      socket.close();
      resolve();
    };
    socket.once('connect_error', () => {
      seen.refusedHandshakes += 1;
      done();
    });
    socket.once('disconnect', () => {
      seen.cuts += 1;
      done();
    });
    socket.once('view', () => {
      seen.connections += 1;
      if (oversized) {
        seen.oversizedFrames += 1;
        socket.emit('command', { id: `big-${seen.connections}`, type: 'timeline.post', text: 'x'.repeat(300 * 1024) });
        return;
      }
      for (let i = 0; i < burst; i++) {
        seen.sent += 1;
        socket.emit(
          'command',
          { id: `f-${seen.connections}-${i}`, type: 'hand.raise', raised: i % 2 === 0 },
          (ack: { ok: boolean; error?: { code: string } }) => {
            if (ack.ok) seen.accepted += 1;
            else if (ack.error) seen.refused[ack.error.code] = (seen.refused[ack.error.code] ?? 0) + 1;
          },
        );
      }
    });
  });
}

async function attack(): Promise<void> {
  const until = Date.now() + Number(values.seconds) * 1000;
  // Alternate between the two attacks, counting only connections the server let in.
  while (!stopping && Date.now() < until) await attackOnce(seen.connections % 2 === 0);
}

process.once('SIGTERM', () => {
  stopping = true;
  process.stdout.write(`${JSON.stringify(seen)}\n`);
  process.exit(0);
});

announceReady(0);
await attack();
process.stdout.write(`${JSON.stringify(seen)}\n`);
