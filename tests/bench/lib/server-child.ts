/**
 * The real Chaos Quest server as a child process, for the load benchmark and the fault tests:
 * SQLite in the given data directory, scenarios from the given folder, 127.0.0.1 only. Prints
 * `CQ-READY {"port":…}` once it listens; closes cleanly on SIGTERM. Joins and session creation are
 * not rate-limited here, because every load-generator socket comes from the same address.
 *
 *   node --import tsx tests/bench/lib/server-child.ts --data <dir> --scenarios <dir>
 *        [--port <n>] [--snapshot-every <n>] [--log <level>] [--synchronous FULL|OFF] [--event-loop]
 *
 * With `--event-loop` it samples its event loop's delay (perf_hooks, 1 ms resolution) and, on each
 * SIGUSR2, prints `CQ-EVENT-LOOP {…}` (p50, p99, max and the mean in ms since the last SIGUSR2,
 * and the share of that time the loop was busy) and starts afresh.
 */
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createServer } from '../../../server/src/app.ts';
import { SqliteStore } from '../../../server/src/store/sqlite-store.ts';
import { serveUntilSigterm } from './child-process.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    scenarios: { type: 'string' },
    port: { type: 'string', default: '0' },
    'snapshot-every': { type: 'string', default: '200' },
    log: { type: 'string' },
    // OFF only to tell the disk's share of latency from the CPU's: OFF loses acknowledged commands on a power cut.
    synchronous: { type: 'string', default: 'FULL' },
    'event-loop': { type: 'boolean', default: false },
  },
});
const synchronous = values.synchronous === 'OFF' ? 'OFF' : 'FULL';
if (!values.data || !values.scenarios)
  throw new Error(
    'usage: server-child.ts --data <dir> --scenarios <dir> [--port <n>] [--snapshot-every <n>] [--log <level>]',
  );

const server = await createServer({
  port: Number(values.port),
  host: '127.0.0.1',
  dataDir: values.data,
  scenariosDir: values.scenarios,
  clientDir: null,
  allowedOrigins: null,
  adminKey: null,
  // pino writes to stdout; the parent reads only the ready line, so logs there are harmless.
  logger: values.log ? { level: values.log } : false,
  watchScenarios: false,
  snapshotEvery: Number(values['snapshot-every']),
  joinLimit: { capacity: 1_000_000, perSecond: 1_000_000 },
  createLimit: { capacity: 1_000_000, perSecond: 1_000_000 },
  env: {},
  store: new SqliteStore(path.join(values.data, 'chaos-quest.sqlite'), { synchronous }),
});

if (values['event-loop']) reportEventLoopOnSignal();
serveUntilSigterm('server-child', server);

function reportEventLoopOnSignal(): void {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  let since = performance.eventLoopUtilization();
  process.on('SIGUSR2', () => {
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    const used = performance.eventLoopUtilization(since);
    const figures = {
      p50Ms: ms(delay.percentile(50)),
      p99Ms: ms(delay.percentile(99)),
      maxMs: ms(delay.max),
      meanMs: ms(delay.mean),
      utilization: Math.round(used.utilization * 1000) / 1000,
    };
    process.stdout.write(`CQ-EVENT-LOOP ${JSON.stringify(figures)}\n`);
    delay.reset();
    since = performance.eventLoopUtilization();
  });
}
