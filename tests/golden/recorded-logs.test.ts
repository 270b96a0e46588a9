import { readFileSync } from 'node:fs';
import { phaseOf, replay, sha256, type LoggedCommand, type SessionState } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from './library.ts';

/**
 * Logs recorded by the engine as it stood before the session core was restructured (issue 10):
 * every golden path's log, and one session that sends every command, pause and resume included.
 * Old logs must stay playable: each must replay to the same story, milestones, timeline and clock.
 * The fixture is data from that time; never regenerate it.
 */

interface Recorded {
  name: string;
  scenario: string;
  seed: string;
  log: LoggedCommand[];
  expect: ReturnType<typeof summary>;
}

const fixture = JSON.parse(readFileSync(new URL('./recorded/logs-2026-11-30.json', import.meta.url), 'utf8')) as {
  createdAt: number;
  sessions: Recorded[];
};
const library = loadLibrary();

/** What a table saw and what the record keeps, without the state's internal shape. */
function summary(state: SessionState) {
  return {
    phase: phaseOf(state),
    ending: state.game.context.ending,
    outcome: state.game.context.outcome,
    clock: state.game.context.clock,
    flags: state.game.context.flags,
    health: state.game.context.health,
    visited: state.game.context.visited,
    milestones: state.milestones,
    path: state.path,
    revealed: state.revealed.map((r) => ({ key: r.key, at: r.at, acknowledgedBy: r.acknowledgedBy })),
    timeline: state.timeline.map((t) => [t.seq, t.at.game, t.kind, t.by, t.text, t.audience]),
    decisions: state.decisions.map((d) => [d.seq, d.scene, d.choice, d.outcome]),
    rolls: state.rolls.map((r) => [r.seq, r.natural, r.total, r.success]),
    declarations: state.declarations.map((d) => [d.id, d.kind, d.status]),
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    pace: state.pace,
  };
}

describe('logs recorded before the session core was restructured', () => {
  it('holds every golden path and the every-command session', () => {
    expect(fixture.sessions.length).toBeGreaterThanOrEqual(20);
    expect(fixture.sessions.map((s) => s.name)).toContain('dns-ttl-trap/every-command');
  });

  it.each(fixture.sessions.map((s) => [s.name, s] as const))('%s replays to the same story', (_name, recorded) => {
    const shipped = library.find((s) => s.scenario?.id === recorded.scenario);
    if (!shipped?.scenario) throw new Error(`scenarios/${recorded.scenario}.yaml is missing or does not parse`);
    const options = { scenarioHash: sha256(shipped.text), team: 'golden', createdAt: fixture.createdAt };
    // Three scenarios gained telemetry after these logs were recorded. A session keeps the scenario
    // text it started with, so an old session plays on without it: replay them as they were written.
    const { telemetry: _added, ...asRecorded } = shipped.scenario;
    const result = replay(asRecorded, recorded.seed, recorded.log, options);
    if (!result.ok) throw new Error(`command ${result.seq} refused: ${result.error.message}`);
    expect(summary(result.state)).toEqual(recorded.expect);
  });
});
