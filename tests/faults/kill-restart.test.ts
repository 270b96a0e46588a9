import { describe, expect, it } from 'vitest';
import { FaultTable, until } from './fault-table.ts';
import { auditStore, expectedViews } from './log-audit.ts';
import { faultRig } from './fault-rig.ts';
import { startServerProcess, startServerProcessForRestarts, storeFile } from './server-process.ts';

const SESSIONS = 10;
const ROUNDS = 3;
/** Each round plays for a random time in this range before the kill. */
const PLAY_MS: readonly [number, number] = [250, 1200];

const { dir, tables, track } = faultRig('cq-fault-kill-');

describe('the server under kill -9 while ten sessions play', () => {
  it('keeps every acknowledged command, recovers every session to a fresh replay of its log, and every client reconnects and converges', async () => {
    let server = track(await startServerProcessForRestarts(dir));
    const port = server.port;
    const url = server.url;
    tables.push(
      ...(await Promise.all(
        Array.from({ length: SESSIONS }, (_, i) => FaultTable.open(url, `kill-${i}`, 2 + (i % 2))),
      )),
    );

    let snapshotted = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      for (const table of tables) table.play(`round-${round}`);
      const playMs = PLAY_MS[0] + Math.random() * (PLAY_MS[1] - PLAY_MS[0]);
      await new Promise((r) => setTimeout(r, playMs));
      const killed = server.kill();
      for (const table of tables) table.stop();
      const label = `round ${round} (killed after ${Math.round(playMs)} ms of play)`;
      expect(await killed, `${label}: the server must die of the kill`).toBe('SIGKILL');
      await Promise.all(tables.map((t) => t.settled()));

      const audits = await auditStore(storeFile(dir), tables);
      snapshotted = audits.filter((a) => a.snapshotSeq > 0).length;
      for (const audit of audits) {
        expect(audit.lost, `${label}, session ${audit.sessionId}: acknowledged but not in the log`).toEqual([]);
        expect(audit.contiguous, `${label}, session ${audit.sessionId}: the log has a gap`).toBe(true);
        expect(
          audit.recoveredHash,
          `${label}, session ${audit.sessionId}: snapshot ${audit.snapshotSeq} plus tail differs from a full replay`,
        ).toBe(audit.replayHash);
      }

      server = track(await startServerProcess(dir, port));
      await until(
        `${label}: every client reconnects and holds its session's seq`,
        () => tables.every((t, i) => t.convergedAt(audits[i]?.state.seq ?? -1)),
        () => tables.map((t, i) => `${t.sessionId} log ${audits[i]?.state.seq}: ${t.describe()}`).join('; '),
      );
      tables.forEach((table, i) => {
        const audit = audits[i];
        if (!audit) throw new Error('one audit per table');
        expect(
          table.clients.map((c) => c.whole),
          `${label}, session ${table.sessionId}: views after restart`,
        ).toEqual(expectedViews(audit, table));
      });
    }

    const acked = tables.reduce((n, t) => n + t.acked.length, 0);
    const refused = tables.flatMap((t) => t.refused);
    expect(refused, 'the script sends only commands the engine accepts').toEqual([]);
    expect(
      tables.flatMap((t) => t.clients.map((c) => c.misfits)).filter((n) => n > 0),
      'every patch fitted the view held, across restarts',
    ).toEqual([]);
    // Without acks, or without snapshots, the checks above would prove little.
    expect(acked).toBeGreaterThan(SESSIONS * 10);
    expect(snapshotted).toBeGreaterThan(0);
  }, 90_000);
});
