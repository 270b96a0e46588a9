import { readFileSync } from 'node:fs';
import {
  createSession,
  incidentRecord,
  parseScenario,
  step,
  asPlayerId,
  asSessionId,
  type Actor,
  type Command,
  type CommandInput,
  type SessionState,
} from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import { metricsCsv } from './metrics-csv.ts';

const text = readFileSync(
  new URL('../../../tests/server/fixtures/scenarios/dns-ttl-trap.yaml', import.meta.url),
  'utf8',
);
const scenario = parseScenario(text, 'dns-ttl-trap.yaml').scenario;
if (!scenario) throw new Error('fixture scenario does not parse');

const F: Actor = { kind: 'facilitator' };
const SYS: Actor = { kind: 'system' };
const ana: Actor = { kind: 'player', playerId: asPlayerId('ana') };
const bo: Actor = { kind: 'player', playerId: asPlayerId('bo') };

/** Plays the fixture to its success ending, one minute of wall time per command; physical dice make it certain. */
function playedSession(): SessionState {
  let state = createSession(scenario as NonNullable<typeof scenario>, 'seed', {
    scenarioHash: 'h'.repeat(64),
    team: 'blue | team',
    createdAt: 0,
  });
  const run = (actor: Actor, command: CommandInput) => {
    const result = step(scenario as NonNullable<typeof scenario>, state, {
      seq: state.seq + 1,
      at: (state.seq + 1) * 60_000,
      actor,
      command: command as Command,
    });
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

describe('metricsCsv', () => {
  it('writes one row per incident with durations on both clocks', () => {
    const record = incidentRecord(scenario, playedSession(), asSessionId('S1'));
    const lines = metricsCsv([record, { ...record, team: 'a,"b"' }])
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    const header = lines[0]?.split(',') ?? [];
    const row = lines[1]?.split(',') ?? [];
    const at = (name: string) => row[header.indexOf(name)];
    expect([at('outcome'), at('ttd_game_min'), at('ttd_wall_ms'), at('ttm_game_min')]).toEqual([
      'success',
      '10',
      '120000',
      '',
    ]);
    expect(lines[2]).toMatch(/^S1,dns-ttl-trap,"a,""b""",/);
  });

  it('guards typed team labels a spreadsheet would run as formulas, and writes our ids and numbers as they are', () => {
    const record = incidentRecord(scenario, playedSession(), asSessionId('S1'));
    const teams = [
      '=HYPERLINK("http://evil.example")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      ' \t=cmd()',
      '-5',
      '+4.5',
      'a-team',
      'blue',
    ];
    const csv = metricsCsv([
      { ...record, sessionId: '-Ab_9' },
      ...teams.map((team, i) => ({ ...record, sessionId: `_x${i}`, team })),
    ]);
    const rows = csv.trimEnd().split('\r\n').slice(1);
    expect(rows[0]).toMatch(/^-Ab_9,dns-ttl-trap,blue \| team,checkout dns,success,\d{4}-\d\d-\d\dT[\d:.]+Z,/);
    expect(rows.slice(1).map((row) => row.split(',dns-ttl-trap,')[0])).toEqual(teams.map((_, i) => `_x${i}`));
    expect(rows.slice(1).map((row) => row.split(',dns-ttl-trap,')[1]?.split(',checkout dns,')[0])).toEqual([
      `"'=HYPERLINK(""http://evil.example"")"`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "' \t=cmd()",
      '-5',
      '+4.5',
      'a-team',
      'blue',
    ]);
  });
});
