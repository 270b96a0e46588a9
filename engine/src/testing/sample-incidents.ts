import type { RealIncident } from '../incident/real.ts';
import type { IncidentRecord } from '../incident/record.ts';

const MIN = 60_000;

/**
 * A practice record for tests: the fault starts at game minute `onset` (default 5) and wall `start`;
 * `detect`, `mitigate` and `resolve` are game minutes after onset (a game minute is a wall minute here).
 */
export function practiceRecord(
  over: Partial<IncidentRecord> & {
    start: number;
    onset?: number;
    detect?: number | undefined;
    mitigate?: number | undefined;
    resolve?: number | undefined;
  },
): IncidentRecord {
  const { start, onset = 5, detect, mitigate, resolve, ...rest } = over;
  const at = (after: number) => ({ game: onset + after, wall: start + after * MIN });
  return {
    practice: true,
    sessionId: `s${start}`,
    scenario: { id: 'dns', title: 'DNS', hash: 'h' },
    services: ['checkout'],
    team: 'blue',
    seed: 'x',
    roles: [],
    milestones: {
      started: { ...at(0), source: 'scenario' },
      ...(detect !== undefined ? { detected: { ...at(detect), source: 'team' as const } } : {}),
      ...(mitigate !== undefined ? { mitigated: { ...at(mitigate), source: 'scene' as const } } : {}),
      ...(resolve !== undefined ? { resolved: { ...at(resolve), source: 'outcome' as const } } : {}),
    },
    detectionSource: detect !== undefined ? 'team' : null,
    outcome: 'success',
    ending: 'fixed',
    decisions: [],
    rolls: [],
    falseAlarms: [],
    actionItems: [],
    startedAt: start,
    endedAt: start + (resolve ?? 60) * MIN,
    ...rest,
  };
}

/** A real incident for tests: `detect`, `ack`, `mitigate`, `resolve` are minutes after `start` (wall ms). */
export function realIncident(
  over: Partial<RealIncident> & {
    start: number;
    detect?: number | undefined;
    ack?: number | undefined;
    mitigate?: number | undefined;
    resolve?: number | undefined;
  },
): RealIncident {
  const { start, detect, ack, mitigate, resolve, ...rest } = over;
  const at: RealIncident['at'] = { started: start };
  if (detect !== undefined) at.detected = start + detect * MIN;
  if (ack !== undefined) at.acknowledged = start + ack * MIN;
  if (mitigate !== undefined) at.mitigated = start + mitigate * MIN;
  if (resolve !== undefined) at.resolved = start + resolve * MIN;
  return {
    practice: false,
    key: `generic:checkout:${start}`,
    format: 'generic',
    service: 'checkout',
    title: 'Checkout errors',
    severity: 'SEV2',
    team: 'blue',
    at,
    detectionSource: 'monitoring',
    ...rest,
  };
}
