import type { IncidentRecord } from '@chaos-quest/engine';

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * Earlier practice incidents of another team, one a week, each detected and resolved a little
 * faster than the last: enough history for the metrics screen to draw trends and to filter.
 */
export function earlierRuns(now: number, count = 5): IncidentRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const start = now - (count - i) * 7 * DAY;
    const detect = 30 - i * 4;
    const resolve = 90 - i * 10;
    const at = (game: number, wall: number, source: 'scenario' | 'team' | 'outcome' | 'page') => ({
      game,
      wall: start + wall * MINUTE,
      source,
    });
    return {
      practice: true,
      sessionId: `earlier-${i}`,
      scenario: { id: 'dns-ttl-trap', title: 'The TTL Trap', hash: 'h' },
      services: ['api', 'dns'],
      team: 'Payments on-call',
      seed: `seed-${i}`,
      roles: ['Incident Commander', 'On-call SRE'],
      milestones: {
        started: at(0, 0, 'scenario'),
        firstPage: at(2, 1, 'page'),
        acknowledged: at(4, 3 - i * 0.4, 'page'),
        detected: at(detect, detect * 0.8, 'team'),
        mitigated: at(resolve - 20, (resolve - 20) * 0.7, 'outcome'),
        resolved: at(resolve, resolve * 0.7, 'outcome'),
        ended: at(resolve, resolve * 0.7, 'outcome'),
      },
      detectionSource: 'team',
      outcome: i === 0 ? 'partial' : 'success',
      ending: 'renamed-around',
      decisions: [],
      rolls: [],
      falseAlarms: i === 1 ? [{ game: -5, wall: start }] : [],
      actionItems: [],
      startedAt: start,
      endedAt: start + resolve * 0.7 * MINUTE,
    };
  });
}
