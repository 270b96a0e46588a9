import { describe, expect, it } from 'vitest';
import { createSession, withServer } from '../server/harness.ts';
import { until } from './fault-table.ts';
import { commandCode, connectPlain, DeafSocket, joinMany } from './hostile-client.ts';

/**
 * Enough messages and resyncs a second to pass the kernel's buffers in a second or two: the limit
 * under test is the output budget, not the rates (hostile-player.test.ts runs the defaults).
 */
const LIMITS = {
  maxBufferedBytes: 256 * 1024,
  perSecond: 10_000,
  burst: 10_000,
  resyncs: { burst: 10_000, perSecond: 10_000 },
};

/** Polls an async check every 100 ms until it holds; rejects after `timeoutMs`. */
async function untilAsync(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the server to cut the socket');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a socket that stops reading', () => {
  it('is cut once its unsent output passes the budget, and the cut closes its TCP connection at once', async () => {
    await withServer(
      async (server) => {
        const created = await createSession(server);
        const { seats } = await joinMany(server.url, created.joinCode, 1);
        const token = seats[0]?.playerToken;
        if (!token) throw new Error('a seat');
        const facilitator = await connectPlain(server.url, created.facilitatorToken);
        expect(await commandCode(facilitator, { id: 'start', type: 'session.start' })).toBe('ok');
        // A view of about 60 KB, so each resync moves real bytes.
        for (let i = 0; i < 60; i++)
          expect(
            await commandCode(facilitator, { id: `big-${i}`, type: 'timeline.post', text: 'y'.repeat(1000) }),
          ).toBe('ok');
        const cuts = async () => {
          const text = await (await fetch(`${server.url}/metrics`)).text();
          return text
            .split('\n')
            .filter((l) => l.startsWith('cq_commands_total') && l.includes('result="cut-unread"'))
            .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
        };

        const deaf = new DeafSocket(server.url, token);
        expect(await deaf.admitted).toBeNull();
        const flooding = setInterval(() => {
          for (let i = 0; i < 10; i++) deaf.resync();
        }, 20);
        try {
          let cut = 0;
          await untilAsync(async () => (cut = await cuts()) > 0, 30_000);
          expect(cut, 'the server cut it for unread output').toBe(1);
          // Socket.IO alone would have waited for a drain that never comes, then ws 30 s for a close
          // frame: the deaf client would learn nothing for over a minute while the server held its output.
          await until(
            'the deaf client finds its connection closed',
            () => deaf.cut,
            () => '',
            3000,
          );
        } finally {
          clearInterval(flooding);
        }
        expect(
          await commandCode(facilitator, { id: 'after', type: 'timeline.post', text: 'still here' }),
          'the session plays on',
        ).toBe('ok');
        facilitator.close();
        deaf.close();
      },
      { socketLimits: LIMITS },
    );
  }, 40_000);
});
