import { readFileSync } from 'node:fs';
import {
  createSession,
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
import { HOSTILE_TEXT, renderMarkdown, tagNames } from '../../../tests/server/rendered-markdown.ts';
import { postmortem } from './postmortem.ts';

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

describe('postmortem', () => {
  const state = playedSession();
  const markdown = postmortem(scenario, state, asSessionId('S1'));

  it('drafts every section of the blameless template', () => {
    for (const heading of [
      'Summary',
      'Impact',
      'Timeline',
      'Detection',
      'Decisions and rolls',
      'What went well',
      'What was hard',
      'Action items',
      'Metrics of this run',
    ]) {
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

/**
 * A session where every field a person types holds the next of `typed`: team, both names, an
 * improvised inject, a called roll, a post, a proposal, a declaration's note, the closing note, an
 * action item and its owner, then one post per text left. Old logs may hold any name, so the names
 * skip the join checks.
 */
function typedSession(typed: readonly string[]): SessionState {
  let used = 0;
  const next = () => typed[used++ % typed.length] as string;
  const s = scenario as NonNullable<typeof scenario>;
  let state = createSession(s, 'seed', { scenarioHash: 'h'.repeat(64), team: next(), createdAt: 0 });
  const run = (actor: Actor, command: CommandInput) => {
    const result = step(s, state, {
      seq: state.seq + 1,
      at: (state.seq + 1) * 60_000,
      actor,
      command: command as Command,
    });
    if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
    state = result.state;
  };
  run(SYS, { id: 'j1', type: 'player.join', playerId: 'ana', name: next() });
  run(SYS, { id: 'j2', type: 'player.join', playerId: 'bo', name: next() });
  run(ana, { id: 'r1', type: 'role.take', role: 'sre' });
  run(bo, { id: 'r2', type: 'role.take', role: 'ic' });
  run(F, { id: 's', type: 'session.start' });
  run(F, { id: 'a', type: 'clock.advance', minutes: 10 });
  run(F, { id: 'i', type: 'inject.improvise', text: next() });
  run(F, { id: 'd', type: 'dice.roll', dice: 'd20', label: next() });
  run(ana, { id: 'p', type: 'timeline.post', text: next() });
  run(bo, { id: 'q', type: 'action.propose', text: next() });
  run(bo, { id: 'x', type: 'incident.declare', kind: 'incident', note: next() });
  run(ana, { id: 'k', type: 'inject.ack', key: 'page' });
  run(bo, { id: 'l', type: 'choice.apply', choiceId: 'look' });
  while (used < typed.length - 3) run(bo, { id: `p${used}`, type: 'timeline.post', text: next() });
  run(F, { id: 'e', type: 'session.end', outcome: 'partial', note: next() });
  run(ana, { id: 'ai', type: 'action-item.add', text: next(), owner: next() });
  return state;
}

describe('postmortem with hostile user text', () => {
  const hostile = renderMarkdown(postmortem(scenario, typedSession(HOSTILE_TEXT), asSessionId('S1')));
  const plain = renderMarkdown(
    postmortem(scenario, typedSession(HOSTILE_TEXT.map((_, i) => `plain words ${i}`)), asSessionId('S1')),
  );

  it('renders exactly the elements a draft with plain words renders: no HTML, link or image from user text', () => {
    expect(tagNames(hostile)).toEqual(tagNames(plain));
    expect(hostile.tags.filter((tag) => /^<(a|img|script)\b/i.test(tag) || /javascript:/i.test(tag))).toEqual([]);
  });

  it('shows every piece of typed text as it was typed', () => {
    for (const typed of HOSTILE_TEXT) expect(hostile.text).toContain(typed);
    expect(hostile.text).toContain(`${HOSTILE_TEXT[1]} takes the role of On-call SRE`);
    expect(hostile.text).toContain(`${HOSTILE_TEXT[4]}: d20 →`);
  });

  it('keeps the scenario’s own text as the author wrote it', () => {
    const markdown = postmortem(scenario, typedSession(HOSTILE_TEXT), asSessionId('S1'));
    expect(markdown).toContain('| Open the regional dashboards |');
    expect(markdown).toContain('| page | PAGE: checkout 5xx at 18% in eu-west |');
  });
});
