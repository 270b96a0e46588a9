import type { ScenarioPaths } from '../golden-path.ts';
import { configPushCascade } from './config-push-cascade.ts';
import { dbFailoverLag } from './db-failover-lag.ts';
import { dnsTtlTrap } from './dns-ttl-trap.ts';
import { leakedCredentials } from './leaked-credentials.ts';
import { partnerTlsExpiry } from './partner-tls-expiry.ts';
import { ransomwareRegulator } from './ransomware-regulator.ts';
import { threatHunt } from './threat-hunt.ts';
import { zoneOutage } from './zone-outage.ts';

/** Every shipped scenario's golden paths. A scenario file without an entry here fails the golden test. */
export const GOLDEN_PATHS: readonly ScenarioPaths[] = [
  dbFailoverLag,
  partnerTlsExpiry,
  configPushCascade,
  dnsTtlTrap,
  leakedCredentials,
  zoneOutage,
  ransomwareRegulator,
  threatHunt,
];
