/**
 * Store benchmark (issue 5, "Durability cost and recovery"):
 *  (a) durable appends per second with synchronous=FULL, one session awaiting each append and
 *      100 sessions appending at once (group commit), against the same appends with
 *      synchronous=OFF (the ceiling: no fsync at all) measured in the same run;
 *  (a') the same durable appends on PostgreSQL (CQ_TEST_DATABASE_URL, a fresh schema per measurement,
 *      dropped after) against synchronous_commit=off in the same run;
 *  (b) time to resume a 10,000-command session from its log alone and from its newest snapshot.
 * Prints medians and ratios; asserts nothing about time.
 *
 *   npm run bench:store [-- --quick] [-- --json] [-- --scenario scenarios/x.yaml]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { loggedCommandSchema, replay, stateHash, type LoggedCommand, type SessionState } from '@chaos-quest/engine';
import { describeUrl, type PgPoolOptions } from '../../server/src/store/pg-pool.ts';
import { PgStore } from '../../server/src/store/pg-store.ts';
import { createTestSchema, testDatabaseUrl, type TestSchema } from '../../server/src/store/pg-test-schema.ts';
import { SqliteStore, type SqliteStoreOptions } from '../../server/src/store/sqlite-store.ts';
import type { LogEntry, Store } from '../../server/src/store/store.ts';
import { loadBenchScenario } from './lib/bench-scenario.ts';
import { LONG_LOG_OPTIONS, makeLongLog } from './lib/long-log.ts';
import { median, percentile, printTable, timeIt } from './lib/stats.ts';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const json = argv.includes('--json');
const scenarioArg = argv[argv.indexOf('--scenario') + 1];
const bench = loadBenchScenario(argv.includes('--scenario') && scenarioArg ? scenarioArg : undefined);

const RUNS = quick ? 3 : 5;
const ONE_SESSION_APPENDS = quick ? 1000 : 5000;
const SESSIONS = 100;
const APPENDS_PER_SESSION = quick ? 20 : 100;
const RESUME_COMMANDS = 10_000;
const SNAPSHOT_EVERY = 500;
const RESUME_RUNS = quick ? 5 : 11;
const SEED = 'store-bench';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cq-store-bench-'));
let stores = 0;
const entriesOf = (log: readonly LoggedCommand[]): LogEntry[] =>
  log.map((e) => ({ ...e, commandKey: `${e.actor.kind}:${e.command.id}` }));

/** Opens a fresh, empty store; the benchmark closes it. */
type Opener = () => Promise<Store>;

const sqlite =
  (options: SqliteStoreOptions): Opener =>
  async () =>
    new SqliteStore(path.join(root, `store-${++stores}`, 'chaos-quest.db'), options);

/** PostgreSQL stores each get a fresh schema on CQ_TEST_DATABASE_URL, all dropped at the end. */
const pgSchemas: TestSchema[] = [];
const postgres =
  (options: PgPoolOptions): Opener =>
  async () => {
    const schema = await createTestSchema('bench');
    pgSchemas.push(schema);
    return PgStore.open(schema.url, options);
  };

/** A fresh store holding `count` sessions of the bench scenario. */
async function freshStore<S extends Store>(
  count: number,
  open: () => Promise<S>,
): Promise<{ store: S; ids: string[] }> {
  const store = await open();
  await store.putScenarioText(bench.hash, bench.text);
  const ids = Array.from({ length: count }, (_, i) => `s${i + 1}`);
  await Promise.all(
    ids.map((id, i) =>
      store.createSession(
        {
          id,
          scenarioId: bench.scenario.id,
          scenarioHash: bench.hash,
          seed: SEED,
          team: null,
          joinCode: `J${i}`,
          createdAt: Date.now(),
          endedAt: null,
        },
        `fac-${id}`,
      ),
    ),
  );
  return { store, ids };
}

/** Appends per second for one session appending one command at a time, awaiting each. */
async function oneSession(entries: readonly LogEntry[], open: Opener): Promise<number> {
  const { store, ids } = await freshStore(1, open);
  const id = ids[0] as string;
  const start = performance.now();
  for (const entry of entries) await store.append(id, [entry]);
  const seconds = (performance.now() - start) / 1000;
  await store.close();
  return entries.length / seconds;
}

/** Many sessions at once, each awaiting its own previous append: rate and per-append latencies. */
async function manySessions(
  entries: readonly LogEntry[],
  open: Opener,
): Promise<{ rate: number; latencies: number[] }> {
  const { store, ids } = await freshStore(SESSIONS, open);
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(
    ids.map(async (id) => {
      for (const entry of entries) {
        const sent = performance.now();
        await store.append(id, [entry]);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await store.close();
  return { rate: (ids.length * entries.length) / seconds, latencies };
}

async function measureAppends(log: readonly LoggedCommand[]) {
  const oneEntries = entriesOf(log.slice(0, ONE_SESSION_APPENDS));
  const manyEntries = entriesOf(log.slice(0, APPENDS_PER_SESSION));
  const durable = sqlite({ synchronous: 'FULL' });
  const ceiling = sqlite({ synchronous: 'OFF' });
  const runs = {
    oneDurable: [] as number[],
    oneCeiling: [] as number[],
    manyDurable: [] as number[],
    manyCeiling: [] as number[],
    manySolo: [] as number[],
  };
  const latencies: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    runs.oneDurable.push(await oneSession(oneEntries, durable));
    runs.oneCeiling.push(await oneSession(oneEntries, ceiling));
    const many = await manySessions(manyEntries, durable);
    runs.manyDurable.push(many.rate);
    latencies.push(...many.latencies);
    runs.manyCeiling.push((await manySessions(manyEntries, ceiling)).rate);
    // The same load with group commit off: one transaction, one fsync, per append.
    runs.manySolo.push((await manySessions(manyEntries, sqlite({ synchronous: 'FULL', maxBatch: 1 }))).rate);
  }
  const m = (xs: number[]) => Math.round(median(xs));
  return {
    oneSessionDurablePerSec: m(runs.oneDurable),
    oneSessionCeilingPerSec: m(runs.oneCeiling),
    manySessionsDurablePerSec: m(runs.manyDurable),
    manySessionsCeilingPerSec: m(runs.manyCeiling),
    manySessionsNoGroupCommitPerSec: m(runs.manySolo),
    manySessionsAppendP50Ms: round(percentile(latencies, 0.5)),
    manySessionsAppendP99Ms: round(percentile(latencies, 0.99)),
  };
}

/**
 * The same appends on PostgreSQL (the default pool, synchronous_commit on: each append one INSERT
 * committed and flushed before it resolves), against synchronous_commit off in the same run.
 */
async function measurePgAppends(log: readonly LoggedCommand[]) {
  const oneEntries = entriesOf(log.slice(0, quick ? 500 : 2000));
  const manyEntries = entriesOf(log.slice(0, APPENDS_PER_SESSION));
  const durable = postgres({ synchronousCommit: 'on' });
  const ceiling = postgres({ synchronousCommit: 'off' });
  const runs = {
    oneDurable: [] as number[],
    oneCeiling: [] as number[],
    manyDurable: [] as number[],
    manyCeiling: [] as number[],
  };
  const latencies: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    runs.oneDurable.push(await oneSession(oneEntries, durable));
    runs.oneCeiling.push(await oneSession(oneEntries, ceiling));
    const many = await manySessions(manyEntries, durable);
    runs.manyDurable.push(many.rate);
    latencies.push(...many.latencies);
    runs.manyCeiling.push((await manySessions(manyEntries, ceiling)).rate);
  }
  const m = (xs: number[]) => Math.round(median(xs));
  return {
    pgOneSessionDurablePerSec: m(runs.oneDurable),
    pgOneSessionCeilingPerSec: m(runs.oneCeiling),
    pgManySessionsDurablePerSec: m(runs.manyDurable),
    pgManySessionsCeilingPerSec: m(runs.manyCeiling),
    pgManySessionsAppendP50Ms: round(percentile(latencies, 0.5)),
    pgManySessionsAppendP99Ms: round(percentile(latencies, 0.99)),
  };
}

/** A store holding one session with the whole log and a snapshot every SNAPSHOT_EVERY commands. */
async function storeLongSession(log: readonly LoggedCommand[]): Promise<{ store: SqliteStore; id: string }> {
  const { store, ids } = await freshStore(
    1,
    async () => new SqliteStore(path.join(root, `store-${++stores}`, 'chaos-quest.db')),
  );
  const id = ids[0] as string;
  const entries = entriesOf(log);
  let state: SessionState | undefined;
  for (let from = 0; from < entries.length; from += SNAPSHOT_EVERY) {
    const chunk = entries.slice(from, from + SNAPSHOT_EVERY);
    await store.append(id, chunk);
    const result = replay(bench.scenario, SEED, chunk, LONG_LOG_OPTIONS, state);
    if (!result.ok)
      throw new Error(`The engine refused the generated log at seq ${result.seq}: ${result.error.message}`);
    state = result.state;
    // Not at the very end: the resume then replays a whole interval's tail, the worst case a
    // server taking snapshots at that interval meets.
    if (state.seq < entries.length) await store.putSnapshot(id, { seq: state.seq, state: JSON.stringify(state) });
  }
  return { store, id };
}

/** Times resuming from the log alone and from the newest snapshot plus its tail. */
async function measureResume(log: readonly LoggedCommand[], expectedHash: string) {
  const { store, id } = await storeLongSession(log);
  const fromLog = async () => {
    const result = replay(bench.scenario, SEED, await store.readLog(id), LONG_LOG_OPTIONS);
    if (!result.ok) throw new Error('resume from log failed');
    return result.state;
  };
  const fromSnapshot = async () => {
    const snapshot = await store.latestSnapshot(id);
    if (!snapshot) throw new Error('no snapshot');
    const base = JSON.parse(snapshot.state) as SessionState;
    const result = replay(bench.scenario, SEED, await store.readLog(id, snapshot.seq), LONG_LOG_OPTIONS, base);
    if (!result.ok) throw new Error('resume from snapshot failed');
    return result.state;
  };
  const logTimes: number[] = [];
  const snapshotTimes: number[] = [];
  for (let run = -1; run < RESUME_RUNS; run++) {
    // Alternate which goes first; run -1 only warms the JIT.
    const order =
      run % 2 === 0
        ? ([
            [fromLog, logTimes],
            [fromSnapshot, snapshotTimes],
          ] as const)
        : ([
            [fromSnapshot, snapshotTimes],
            [fromLog, logTimes],
          ] as const);
    for (const [resume, times] of order) {
      const start = performance.now();
      const resumed = await resume();
      const ms = performance.now() - start;
      if (stateHash(resumed) !== expectedHash) throw new Error('a resumed state differs from the generated one');
      if (run >= 0) times.push(ms);
    }
  }
  const snapshot = await store.latestSnapshot(id);
  const readLogMs = median(await repeat(RESUME_RUNS, async () => timeItAsync(() => store.readLog(id))));
  await store.close();
  return {
    resumeCommands: log.length,
    snapshotEvery: SNAPSHOT_EVERY,
    resumeTail: log.length - (snapshot?.seq ?? 0),
    snapshotBytes: snapshot ? Buffer.byteLength(snapshot.state) : 0,
    resumeFromLogMedianMs: round(median(logTimes)),
    resumeFromSnapshotMedianMs: round(median(snapshotTimes)),
    readLogAllMedianMs: round(readLogMs),
    ...validationCost(store.file, id),
  };
}

/** What the row validation in readLog costs: the same rows read and parsed, with and without zod. */
function validationCost(file: string, id: string) {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT seq, at, actor, command FROM log WHERE session_id = ? ORDER BY seq').all(id) as {
    seq: number;
    at: number;
    actor: string;
    command: string;
  }[];
  db.close();
  const decode = (row: (typeof rows)[number]) => ({
    seq: row.seq,
    at: row.at,
    actor: JSON.parse(row.actor) as unknown,
    command: JSON.parse(row.command) as unknown,
  });
  const jsonOnly = median(Array.from({ length: RESUME_RUNS }, () => timeIt(() => rows.forEach(decode))));
  const withSchema = median(
    Array.from({ length: RESUME_RUNS }, () =>
      timeIt(() => rows.forEach((row) => loggedCommandSchema.parse(decode(row)))),
    ),
  );
  return { rowValidationMicrosPerRow: round(((withSchema - jsonOnly) * 1000) / rows.length) };
}

async function repeat<T>(times: number, fn: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; i++) out.push(await fn());
  return out;
}

async function timeItAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const round = (x: number) => Math.round(x * 100) / 100;
const n = (x: number) => x.toLocaleString('en');

async function main(): Promise<void> {
  const log = makeLongLog(bench.scenario, RESUME_COMMANDS, SEED);
  const generated = replay(bench.scenario, SEED, log, LONG_LOG_OPTIONS);
  if (!generated.ok) throw new Error(`makeLongLog produced a log the engine refuses at seq ${generated.seq}`);
  const a = await measureAppends(log);
  const p = await measurePgAppends(log).finally(() => Promise.all(pgSchemas.map((schema) => schema.drop())));
  const r = await measureResume(log, stateHash(generated.state));
  const figures = {
    scenario: bench.scenario.id,
    quick,
    runs: RUNS,
    sessions: SESSIONS,
    ...a,
    oneSessionDurableOverCeiling: round(a.oneSessionDurablePerSec / a.oneSessionCeilingPerSec),
    manySessionsDurableOverCeiling: round(a.manySessionsDurablePerSec / a.manySessionsCeilingPerSec),
    groupCommitGain: round(a.manySessionsDurablePerSec / a.manySessionsNoGroupCommitPerSec),
    appendTargetPerSec: 5000,
    manySessionsOverTarget: round(a.manySessionsDurablePerSec / 5000),
    pgDatabase: describeUrl(testDatabaseUrl()),
    ...p,
    pgOneSessionDurableOverCeiling: round(p.pgOneSessionDurablePerSec / p.pgOneSessionCeilingPerSec),
    pgManySessionsDurableOverCeiling: round(p.pgManySessionsDurablePerSec / p.pgManySessionsCeilingPerSec),
    pgManySessionsOverTarget: round(p.pgManySessionsDurablePerSec / 5000),
    pgOverSqliteManySessions: round(p.pgManySessionsDurablePerSec / a.manySessionsDurablePerSec),
    ...r,
    resumeLogOverSnapshot: round(r.resumeFromLogMedianMs / r.resumeFromSnapshotMedianMs),
    resumeTargetMs: 100,
    resumeFromSnapshotOverTarget: round(r.resumeFromSnapshotMedianMs / 100),
  };
  print(figures);
  fs.rmSync(root, { recursive: true, force: true });
  if (json) console.log(JSON.stringify(figures));
}

function print(f: Record<string, number | string | boolean>): void {
  const g = (key: string) => n(f[key] as number);
  printTable(`Durable appends (median of ${f.runs} runs, SQLite WAL, ${f.scenario} commands)`, [
    ['one session, synchronous=FULL', `${g('oneSessionDurablePerSec')} /s`],
    ['one session, synchronous=OFF (ceiling)', `${g('oneSessionCeilingPerSec')} /s`],
    ['one session: durable ÷ ceiling', `${f.oneSessionDurableOverCeiling}`],
    [`${f.sessions} sessions at once, synchronous=FULL (group commit)`, `${g('manySessionsDurablePerSec')} /s`],
    [`${f.sessions} sessions at once, synchronous=OFF (ceiling)`, `${g('manySessionsCeilingPerSec')} /s`],
    [`${f.sessions} sessions: durable ÷ ceiling`, `${f.manySessionsDurableOverCeiling}`],
    [`${f.sessions} sessions, FULL, group commit off`, `${g('manySessionsNoGroupCommitPerSec')} /s`],
    ['group commit gain', `${f.groupCommitGain}×`],
    [
      `${f.sessions} sessions: append latency p50 / p99`,
      `${f.manySessionsAppendP50Ms} / ${f.manySessionsAppendP99Ms} ms`,
    ],
    ['many sessions ÷ 5,000/s target', `${f.manySessionsOverTarget}`],
  ]);
  printTable(`Durable appends on PostgreSQL at ${f.pgDatabase} (median of ${f.runs} runs, pool of 10, same commands)`, [
    ['one session, synchronous_commit=on', `${g('pgOneSessionDurablePerSec')} /s`],
    ['one session, synchronous_commit=off (ceiling)', `${g('pgOneSessionCeilingPerSec')} /s`],
    ['one session: durable ÷ ceiling', `${f.pgOneSessionDurableOverCeiling}`],
    [`${f.sessions} sessions at once, synchronous_commit=on`, `${g('pgManySessionsDurablePerSec')} /s`],
    [`${f.sessions} sessions at once, synchronous_commit=off (ceiling)`, `${g('pgManySessionsCeilingPerSec')} /s`],
    [`${f.sessions} sessions: durable ÷ ceiling`, `${f.pgManySessionsDurableOverCeiling}`],
    [
      `${f.sessions} sessions: append latency p50 / p99`,
      `${f.pgManySessionsAppendP50Ms} / ${f.pgManySessionsAppendP99Ms} ms`,
    ],
    ['many sessions ÷ 5,000/s target', `${f.pgManySessionsOverTarget}`],
    ['PostgreSQL ÷ SQLite, many sessions durable', `${f.pgOverSqliteManySessions}`],
  ]);
  printTable(`Resume a ${g('resumeCommands')}-command session (median of ${RESUME_RUNS})`, [
    ['from the log alone (readLog + replay)', `${f.resumeFromLogMedianMs} ms`],
    [`from the newest snapshot (every ${f.snapshotEvery}; tail ${f.resumeTail})`, `${f.resumeFromSnapshotMedianMs} ms`],
    ['log alone ÷ snapshot', `${f.resumeLogOverSnapshot}×`],
    ['snapshot ÷ 100 ms target', `${f.resumeFromSnapshotOverTarget}`],
    ['snapshot size', `${g('snapshotBytes')} bytes`],
    ['readLog of all 10,000 rows', `${f.readLogAllMedianMs} ms`],
    ['of which zod row validation', `${f.rowValidationMicrosPerRow} µs/row`],
  ]);
}

await main();
