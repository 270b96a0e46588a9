import type { AddressLimiter } from '../auth/address-limiter.ts';
import type { FailureThrottle } from '../auth/failure-throttle.ts';
import type { ServerConfig } from '../config.ts';
import type { SessionHub } from '../hub/hub.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import type { ScenarioLibrary } from '../scenarios/library.ts';
import type { Store } from '../store/store.ts';

/** What the HTTP routes are built from. */
export interface ApiDeps {
  config: ServerConfig;
  store: Store;
  hub: SessionHub;
  library: ScenarioLibrary;
  metrics: ServerMetrics;
  /** Wrong join codes at `POST /api/join` per client address (shared with observe handshakes). */
  joinLimiter: FailureThrottle;
  /** Attempts at `POST /api/sessions` per client address. */
  createLimiter: AddressLimiter;
  /** Wrong admin keys per client address, over every route that checks the key. */
  adminFailures: FailureThrottle;
}
