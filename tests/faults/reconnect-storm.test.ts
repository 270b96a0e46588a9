import { describe, expect, it } from 'vitest';
import { FaultTable, until } from './fault-table.ts';
import { faultRig } from './fault-rig.ts';
import { startServerProcess } from './server-process.ts';

const SESSIONS = 40;
const PLAYERS = 3;
const STORMS = 2;

const { dir, tables, track } = faultRig('cq-fault-storm-');

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a reconnect storm', () => {
  it('brings every socket back after all of them drop at once mid-game, each at its session’s seq with its own view', async () => {
    const server = track(await startServerProcess(dir));
    const url = server.url;
    tables.push(
      ...(await Promise.all(Array.from({ length: SESSIONS }, (_, i) => FaultTable.open(url, `storm-${i}`, PLAYERS)))),
    );
    const clients = tables.flatMap((t) => t.clients);

    for (let storm = 1; storm <= STORMS; storm++) {
      for (const table of tables) table.play(`storm-${storm}`);
      await pause(300 + Math.random() * 400);
      // Every transport at once, as when the room's Wi-Fi blinks: each socket.io client reconnects by itself.
      for (const client of clients) client.socket.io.engine.close();
      // The tables keep talking through the storm; what they send while down is simply not sent.
      await pause(400);
      for (const table of tables) table.stop();
      await Promise.all(tables.map((t) => t.settled()));

      const label = `storm ${storm}`;
      await until(
        `${label}: every socket is back`,
        () => clients.every((c) => c.socket.connected),
        () => tables.map((t) => t.describe()).join('; '),
      );
      const current = await Promise.all(tables.map((t) => t.facilitator.resync()));
      await until(
        `${label}: every socket holds its session's seq`,
        () => tables.every((t, i) => t.convergedAt(current[i]?.seq ?? -1)),
        () => tables.map((t, i) => `${t.sessionId} at ${current[i]?.seq}: ${t.describe()}`).join('; '),
      );
      for (const table of tables) {
        const held = table.clients.map((c) => c.me?.me ?? null);
        const own = await table.resyncAll();
        expect(
          table.clients.map((c) => c.latest),
          `${label}, session ${table.sessionId}: what each socket holds is what the server would send it now`,
        ).toEqual(own);
        // The resync sent each player their `me` again (at the current seq): what they held was already current.
        expect(held, `${label}, session ${table.sessionId}: each player's me was current`).toEqual(
          table.clients.map((c) => c.me?.me ?? null),
        );
      }
    }

    expect(
      clients.every((c) => c.drops === STORMS),
      'each socket dropped once per storm',
    ).toBe(true);
    expect(
      clients.map((c) => c.misfits).filter((n) => n > 0),
      'every patch fitted the view held: a reconnect starts from a whole view',
    ).toEqual([]);
    expect(
      tables.flatMap((t) => t.refused),
      'the script sends only commands the engine accepts',
    ).toEqual([]);
    expect(tables.reduce((n, t) => n + t.acked.length, 0)).toBeGreaterThan(SESSIONS * 5);
  }, 60_000);
});
