/**
 * The real Chaos Quest server as a child process, for the load benchmark and the fault tests:
 * SQLite in the given data directory, scenarios from the given folder, 127.0.0.1 only. Prints
 * `CQ-READY {"port":…}` once it listens; closes cleanly on SIGTERM. Joins and session creation are
 * not rate-limited here, because every load-generator socket comes from the same address.
 *
 *   node --import tsx tests/bench/lib/server-child.ts --data <dir> --scenarios <dir>
 *        [--port <n>] [--snapshot-every <n>] [--log <level>] [--synchronous FULL|OFF]
 */
import path from 'node:path';
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

serveUntilSigterm('server-child', server);
