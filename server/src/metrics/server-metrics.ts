import { Counter, Gauge, Histogram, Registry } from './prometheus.ts';

/** The series the server exports at `/metrics`. */
export interface ServerMetrics {
  registry: Registry;
  commands: Counter;
  appendSeconds: Histogram;
}

/** Builds the registry; the gauges read live counts from the given functions at scrape time. */
export function createServerMetrics(read: {
  sessionsLive: () => number;
  socketsConnected: () => number;
}): ServerMetrics {
  const registry = new Registry();
  registry.add(new Gauge('cq_sessions_live', 'Sessions loaded in memory that have not ended.', read.sessionsLive));
  registry.add(new Gauge('cq_sockets_connected', 'Socket.IO connections open now.', read.socketsConnected));
  const commands = registry.add(
    new Counter('cq_commands_total', 'Commands received, by type and result (ok, duplicate or an error code).'),
  );
  const appendSeconds = registry.add(
    new Histogram(
      'cq_append_seconds',
      'Time to append one command durably to the event log.',
      [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    ),
  );
  return { registry, commands, appendSeconds };
}
