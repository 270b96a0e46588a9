/**
 * One node of a cluster as a child process, for the cluster tests and `npm run bench:cluster`: the
 * real server on the PostgreSQL database given, scenarios from the given folder, 127.0.0.1 only,
 * the cluster secret given. Prints `CQ-READY {"port":…}` once it listens; closes cleanly on SIGTERM.
 * Joins and session creation are not rate-limited, since every test socket comes from one address.
 *
 *   node --import tsx tests/cluster/node-child.ts --database <url> --scenarios <dir> --secret <s>
 *        [--port <n>] [--snapshot-every <n>] [--log <level>]
 */
import { parseArgs } from 'node:util';
import { createServer } from '../../server/src/app.ts';
import { serveUntilSigterm } from '../bench/lib/child-process.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    scenarios: { type: 'string' },
    secret: { type: 'string' },
    port: { type: 'string', default: '0' },
    'snapshot-every': { type: 'string', default: '200' },
    log: { type: 'string' },
  },
});
if (!values.database || !values.scenarios || !values.secret)
  throw new Error('usage: node-child.ts --database <url> --scenarios <dir> --secret <s> [--port <n>]');

const server = await createServer({
  port: Number(values.port),
  host: '127.0.0.1',
  scenariosDir: values.scenarios,
  clientDir: null,
  allowedOrigins: null,
  adminKey: null,
  logger: values.log ? { level: values.log } : false,
  watchScenarios: false,
  snapshotEvery: Number(values['snapshot-every']),
  joinLimit: { capacity: 1_000_000, perSecond: 1_000_000 },
  createLimit: { capacity: 1_000_000, perSecond: 1_000_000 },
  env: { CQ_DATABASE_URL: values.database, CQ_CLUSTER_SECRET: values.secret },
});

serveUntilSigterm('node-child', server);
