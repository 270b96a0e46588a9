import type { CommandAck } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import type { FaultClient } from './fault-client.ts';
import { FaultTable, until } from './fault-table.ts';
import { faultRig } from './fault-rig.ts';
import { startServerProcess } from './server-process.ts';

const CALM_SESSIONS = 10;
/** Well past the default burst (40) and strikes (20), so the flood must be both refused and cut. */
const FLOOD = 400;

const { dir, tables, track } = faultRig('cq-fault-flood-');

/** Emits `count` commands back to back from the client's socket and collects whatever comes back. */
function flood(client: FaultClient, count: number): Promise<(CommandAck | null)[]> {
  const socket = client.socket;
  return Promise.all(
    Array.from(
      { length: count },
      (_, i) =>
        new Promise<CommandAck | null>((resolve) => {
          socket
            .timeout(3000)
            .emit(
              'command',
              { id: `flood-${i}`, type: 'hand.raise', raised: i % 2 === 0 },
              (error: Error | null, ack: CommandAck) => resolve(error ? null : ack),
            );
        }),
    ),
  );
}

/** Sends one command of `bytes` bytes of text; resolves with its ack, or null when the connection was cut instead. */
function oversized(client: FaultClient, bytes: number): Promise<CommandAck | null> {
  const socket = client.socket;
  return new Promise((resolve) => {
    socket
      .timeout(3000)
      .emit(
        'command',
        { id: `big-${bytes}`, type: 'timeline.post', text: 'x'.repeat(bytes) },
        (error: Error | null, ack: CommandAck) => resolve(error ? null : ack),
      );
  });
}

describe('a flooding client and oversized frames', () => {
  it('limits and cuts the offender while every other session plays on without an error and converges', async () => {
    const server = track(await startServerProcess(dir));
    const url = server.url;
    const calm = await Promise.all(
      Array.from({ length: CALM_SESSIONS }, (_, i) => FaultTable.open(url, `calm-${i}`, 2)),
    );
    const offender = await FaultTable.open(url, 'offender', 2);
    tables.push(...calm, offender);
    const mallory = offender.players[0];
    if (!mallory) throw new Error('the offender table has a player');
    for (const table of calm) table.play('flood');

    // A command over the 64 KB cap is refused; a frame over twice that never reaches the parser.
    expect(await oversized(mallory, 70 * 1024)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    const acks = await flood(mallory, FLOOD);
    await until('the offender is cut', () => !mallory.socket.connected);
    // A server-side cut is final for socket.io-client; a determined offender connects again by
    // hand, and is refused while its seat cools down instead of getting a fresh burst.
    const refusal = new Promise<string>((resolve) =>
      mallory.socket.once('connect_error', (error) => resolve(error.message)),
    );
    mallory.socket.connect();
    expect(await refusal).toMatch(/Wait \d+ s before reconnecting/);
    mallory.socket.disconnect();
    // The other player of that session sends a frame far over the cap: the transport closes under it.
    const bigSender = offender.players[1];
    if (!bigSender) throw new Error('the offender table has two players');
    expect(await oversized(bigSender, 300 * 1024), 'a 300 KB frame closes the transport').toBeNull();
    await until('the big sender is back after the oversized frame', () => bigSender.socket.connected);

    // And the calm tables keep playing a while after it, on the same server.
    await new Promise((r) => setTimeout(r, 1000));
    for (const table of calm) table.stop();
    await Promise.all(calm.map((t) => t.settled()));
    const codes = acks.map((a) => (a === null ? 'cut' : a.ok ? 'ok' : a.error.code));
    expect(codes, 'the flood is refused past its burst').toContain('rate-limited');
    expect(codes, 'and then cut').toContain('cut');
    expect(codes.filter((c) => c === 'ok').length).toBeLessThanOrEqual(40);
    expect(mallory.drops, 'cut for flooding').toBe(1);
    expect(bigSender.drops, 'cut for the oversized frame').toBe(1);

    expect(
      calm.flatMap((t) => t.refused),
      'no calm session saw a refusal',
    ).toEqual([]);
    expect(
      calm.reduce((n, t) => n + t.unanswered, 0),
      'no calm command went unanswered',
    ).toBe(0);
    expect(
      calm.every((t) => t.clients.every((c) => c.drops === 0)),
      'no calm socket dropped',
    ).toBe(true);
    expect(
      calm.flatMap((t) => t.clients.map((c) => c.misfits)).filter((n) => n > 0),
      'every calm patch fitted the view held',
    ).toEqual([]);
    const current = await Promise.all(calm.map((t) => t.facilitator.resync()));
    await until(
      'every calm socket holds its session’s seq',
      () => calm.every((t, i) => t.convergedAt(current[i]?.seq ?? -1)),
      () => calm.map((t, i) => `${t.sessionId} at ${current[i]?.seq}: ${t.describe()}`).join('; '),
    );
    expect(calm.reduce((n, t) => n + t.acked.length, 0)).toBeGreaterThan(CALM_SESSIONS * 5);
  }, 60_000);
});
