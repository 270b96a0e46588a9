import { readFileSync } from 'node:fs';
import { createSession, incidentRecord, parseScenario, step, type Actor, type ClientCommand, type Command, type SessionState } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import { metricsCsv } from './metrics-csv.ts';
import { postmortem } from './postmortem.ts';

const text = readFileSync(new URL('../../../tests/server/fixtures/scenarios/dns-ttl-trap.yaml', import.meta.url), 'utf8');
const scenario = parseScenario(text, 'dns-ttl-trap.yaml').scenario;
if (!scenario) throw new Error('fixture scenario does not parse');

const F: Actor = { kind: 'facilitator' };
const SYS: Actor = { kind: 'system' };
const ana: Actor = { kind: 'player', playerId: 'ana' };
const bo: Actor = { kind: 'player', playerId: 'bo' };

/** Plays the fixture to its success ending, one minute of wall time per command; physical dice make it certain. */
function playedSession(): SessionState {
  let state = createSession(scenario as NonNullable<typeof scenario>, 'seed', { scenarioHash: 'h'.repeat(64), team: 'blue | team', createdAt: 0 });
  const run = (actor: Actor, command: Command | ClientCommand) => {
    const result = step(scenario as NonNullable<typeof scenario>, state, { seq: state.seq + 1, at: (state.seq + 1) * 60_000, actor, command });
    if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
    state = result.state;
  };
  run(SYS, { id: 'j1', type: 'player.join', playerId: 'ana', name: 'Ana' });
  run(SYS, { id: 'j2', type: 'player.join', playerId: 'bo', name: 'Bo' });
  run(ana, { id: 'r1', type: 'role.take', role: 'sre' });
  run(bo, { id: 'r2', type: 'role.take', role: 'ic' });
  run(F, { id: 's', type: 'session.start' });
  run(F, { id: 'c', type: 'coach', playerId: 'ana', text: 'Private hint: look at the resolver' });
  run(F, { id: 'a', type: 'clock.advance', minutes: 10 });
  run(ana, { id: 'k', type: 'inject.ack', key: 'page' });
  run(bo, { id: 'l', type: 'choice.apply', choiceId: 'look' });
  run(bo, { id: 'rb', type: 'choice.apply', choiceId: 'rollback', physical: 20 });
  run(ana, { id: 'ai', type: 'action-item.add', text: 'Review | TTL changes', owner: 'Platform' });
  return state;
}

describe('postmortem', () => {
  const state = playedSession();
  const markdown = postmortem(scenario, state, 'S1');

  it('drafts every section of the blameless template', () => {
    for (const heading of ['Summary', 'Impact', 'Timeline', 'Detection', 'Decisions and rolls', 'What went well', 'What was hard', 'Action items', 'Metrics of this run']) {
      expect(markdown).toContain(`## ${heading}\n`);
    }
    expect(markdown).toContain('Why did a TTL change skip review?');
    expect(markdown).toContain('success');
  });

  it('puts milestones on both clocks and this run’s figures in the metrics table', () => {
    expect(markdown).toMatch(/\| 02:05 \| \d\d:\d\d:\d\d \| milestone \| \*\*Fault onset\*\*/);
    expect(markdown).toContain('| Time to detect (TTD) | 10 min | 2 min 0 s |');
    expect(markdown).toContain('| Time to acknowledge (TTA) | 0 min | 1 min 0 s |');
    expect(markdown).toContain('| Time to mitigate (TTM) | not reached | not reached |');
  });

  it('keeps private coaching out and user text from breaking tables', () => {
    expect(markdown).not.toContain('Private hint');
    expect(markdown).toContain('- [ ] Review \\| TTL changes (owner: Platform)');
    expect(markdown).toContain('| Team | blue \\| team |');
    expect(markdown).toContain('| 02:15 | `dashboards` | Roll back the DNS change | success |');
  });
});

describe('metricsCsv', () => {
  it('writes one row per incident with durations on both clocks', () => {
    const record = incidentRecord(scenario, playedSession(), 'S1');
    const lines = metricsCsv([record, { ...record, sessionId: '=cmd()', team: 'a,"b"' }]).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    const header = lines[0]?.split(',') ?? [];
    const row = lines[1]?.split(',') ?? [];
    const at = (name: string) => row[header.indexOf(name)];
    expect([at('outcome'), at('ttd_game_min'), at('ttd_wall_ms'), at('ttm_game_min')]).toEqual(['success', '10', '120000', '']);
    expect(lines[2]).toMatch(/^'=cmd\(\),dns-ttl-trap,"a,""b""",/);
  });
});
