/**
 * A hostile player for the fault benchmark (issue 9, finding 1), in its own process so its work
 * does not slow the load generator. It sets up a session of its own as a facilitator would, then
 * attacks it with the join code alone:
 *
 * - `inflate-resync`: takes every seat the session allows, posts 1,000-character lines until the
 *   session's text budget refuses them, then keeps `--deaf` sockets per seat on `--seats` seats
 *   that never read and ask for a resync ten times a second, opening a new one whenever one is cut.
 *   It prints the ready line `--lead` seconds into that (default 25: a deaf socket is cut about
 *   23 s in, once the kernel's 4 MB send buffer and then the server's 2 MB have filled), so what is
 *   measured after it includes the cuts and the reconnections.
 * - `connect-storm`: one seat; prints the ready line, then opens ten non-reading sockets every
 *   100 ms on its token, holding whatever is let in.
 *
 * Stops on SIGTERM, printing what it saw as JSON on its last line. Loopback only.
 *
 *   node --import tsx tests/bench/lib/hostile-child.ts --url http://127.0.0.1:<port> --attack inflate-resync|connect-storm
 */
import { parseArgs } from 'node:util';
import type { CreateSessionResponse } from '@chaos-quest/engine';
import { commandCode, connectPlain, DeafSocket, joinMany, Tally } from '../../faults/hostile-client.ts';
import { announceReady } from './child-process.ts';
import { postJson } from './post-json.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    attack: { type: 'string' },
    seats: { type: 'string', default: '10' },
    deaf: { type: 'string', default: '4' },
    lead: { type: 'string', default: '25' },
  },
});
if (
  !values.url?.startsWith('http://127.0.0.1:') ||
  (values.attack !== 'inflate-resync' && values.attack !== 'connect-storm')
) {
  throw new Error('usage: hostile-child.ts --url http://127.0.0.1:<port> --attack inflate-resync|connect-storm');
}
const url = values.url;
const seen = { posts: new Tally(), handshakes: new Tally(), cuts: 0, resyncsSent: 0, viewBytes: 0 };
const live = new Set<DeafSocket>();
const timers: NodeJS.Timeout[] = [];

process.once('SIGTERM', () => {
  for (const timer of timers) clearInterval(timer);
  for (const socket of live) socket.close();
  process.stdout.write(
    `${JSON.stringify({ ...seen, posts: seen.posts.toJSON(), handshakes: seen.handshakes.toJSON() })}\n`,
  );
  process.exit(0);
});

/** A running session of the bench scenario and its join code: one seat takes a role, the facilitator starts. */
async function runningSession(): Promise<{ joinCode: string; facilitatorToken: string; firstToken: string }> {
  const created = await postJson<CreateSessionResponse>(`${url}/api/sessions`, {
    scenarioId: 'dns-ttl-trap',
    seed: 'hostile',
    team: 'hostile',
  });
  const { seats } = await joinMany(url, created.joinCode, 1);
  const first = seats[0];
  if (!first) throw new Error('the hostile session refused its first seat');
  const [facilitator, player] = await Promise.all([
    connectPlain(url, created.facilitatorToken),
    connectPlain(url, first.playerToken),
  ]);
  const took = await commandCode(player, { id: 'h-role', type: 'role.take', role: 'ic' });
  const started = await commandCode(facilitator, { id: 'h-start', type: 'session.start' });
  if (took !== 'ok' || started !== 'ok') throw new Error(`the hostile session would not start: ${took}, ${started}`);
  facilitator.close();
  player.close();
  return { joinCode: created.joinCode, facilitatorToken: created.facilitatorToken, firstToken: first.playerToken };
}

/** A deaf socket for `token`, tallied; resolves with it once admitted, or null when refused. */
async function openDeaf(token: string): Promise<DeafSocket | null> {
  const socket = new DeafSocket(url, token);
  const refused = await socket.admitted;
  seen.handshakes.add(refused ?? 'admitted');
  if (refused !== null) return null;
  live.add(socket);
  return socket;
}

async function inflateThenResync(): Promise<void> {
  const { joinCode, firstToken } = await runningSession();
  const { seats } = await joinMany(url, joinCode, 120);
  const tokens = [firstToken, ...seats.map((s) => s.playerToken)];
  const posters = await Promise.all(tokens.map((t) => connectPlain(url, t)));
  const line = 'x'.repeat(1000);
  await Promise.all(
    posters.map((socket, s) =>
      Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          commandCode(socket, { id: `m${s}-${i}`, type: 'timeline.post', text: line }).then((code) =>
            seen.posts.add(code),
          ),
        ),
      ),
    ),
  );
  const probe = await new Promise<unknown>((resolve) => {
    posters[0]?.once('view', resolve);
    posters[0]?.emit('resync', () => undefined);
  });
  seen.viewBytes = Buffer.byteLength(JSON.stringify(probe));
  for (const socket of posters) socket.close();
  setTimeout(() => announceReady(0), Number(values.lead) * 1000);
  const keepDeaf = async (token: string): Promise<void> => {
    for (;;) {
      const socket = await openDeaf(token);
      if (socket) {
        while (!socket.cut) await pauseMs(100);
        seen.cuts += 1;
        live.delete(socket);
      } else await pauseMs(500);
    }
  };
  timers.push(
    setInterval(() => {
      for (const socket of live) {
        socket.resync();
        seen.resyncsSent += 1;
      }
    }, 100),
  );
  const resyncers = tokens.slice(0, Number(values.seats));
  await Promise.all(resyncers.flatMap((token) => Array.from({ length: Number(values.deaf) }, () => keepDeaf(token))));
}

async function connectStorm(): Promise<void> {
  const { firstToken } = await runningSession();
  announceReady(0);
  timers.push(
    setInterval(() => {
      for (let i = 0; i < 10; i++) void openDeaf(firstToken);
    }, 100),
  );
}

const pauseMs = (ms: number) => new Promise((r) => setTimeout(r, ms));

await (values.attack === 'inflate-resync' ? inflateThenResync() : connectStorm());
