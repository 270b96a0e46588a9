import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, renderMarkdown, tagNames } from '../../../tests/server/rendered-markdown.ts';
import type { Actor, Command, CommandInput } from '../protocol/commands.ts';
import { asPlayerId } from '../protocol/ids.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { createSession } from '../session/create.ts';
import type { SessionState } from '../session/state.ts';
import { step } from '../session/step.ts';
import { exampleScenario } from '../testing/example-scenario.ts';
import { FACILITATOR, SYSTEM, Table, player } from '../testing/table.ts';
import { formatGameMinutes, formatWallDuration, gameDay } from '../time/format.ts';
import { runTimes } from '../time/run-times.ts';
import { viewFor } from '../views/view-for.ts';
import { POSTMORTEM_SECTIONS, postmortemDraft } from './draft.ts';

const HASH = 'c0ffee'.repeat(10) + 'beef';

/** The example scenario with its clock moved, so play can run past midnight. */
function startingAt(start: string): Scenario {
  const scenario = exampleScenario();
  return { ...scenario, clock: { ...scenario.clock, start } };
}

/** Seats Ana as the SRE and Bo as the IC, and plays to the success ending; the roll passes by 1. */
function played(scenario: Scenario = exampleScenario()): Table {
  const t = new Table(scenario);
  t.state = { ...t.state, scenarioHash: HASH };
  t.must(SYSTEM, { type: 'player.join', playerId: 'ana', name: 'Ana' });
  t.must(SYSTEM, { type: 'player.join', playerId: 'bo', name: 'Bo' });
  t.must(player('ana'), { type: 'role.take', role: 'sre' });
  t.must(player('bo'), { type: 'role.take', role: 'ic' });
  t.must(FACILITATOR, { type: 'session.start' });
  t.must(FACILITATOR, { type: 'clock.advance', minutes: 10 });
  t.must(player('ana'), { type: 'inject.ack', key: 'page' });
  t.must(player('bo'), { type: 'incident.declare', kind: 'incident', source: 'alert', alert: 'page' });
  t.must(player('bo'), { type: 'choice.apply', choiceId: 'look' });
  t.must(player('bo'), { type: 'choice.apply', choiceId: 'rollback', physical: 11 });
  return t;
}

/** The text of one section: from its heading to the next. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`## ${title}\n`);
  if (start === -1) throw new Error(`no section ${title}`);
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

/** The first cell of every row of a section's table, header and rule left out. */
const firstCells = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))
    .slice(1)
    .map((l) => l.split(' | ')[0]?.slice(2) ?? '');

describe('the post-mortem draft', () => {
  const t = played();
  t.must(player('ana'), { type: 'debrief.note', kind: 'went-well', text: 'The *runbook* was current' });
  t.must(FACILITATOR, { type: 'debrief.note', kind: 'hard', text: 'Two dashboards disagreed on the error rate' });
  t.must(player('bo'), { type: 'debrief.note', kind: 'lucky', text: 'The resolver cache was small' });
  t.must(player('ana'), { type: 'action-item.add', text: 'Review TTL changes', owner: 'Platform', priority: 'high' });
  t.must(player('bo'), { type: 'action-item.add', text: 'Alert on resolver staleness' });
  const markdown = postmortemDraft(t.scenario, t.state);

  it('has every section of a blameless post-mortem, in order', () => {
    const at = POSTMORTEM_SECTIONS.map((title) => markdown.indexOf(`\n## ${title}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('summarises this run, not the scenario’s teaser', () => {
    const summary = section(markdown, 'Summary');
    expect(summary).not.toContain(t.scenario.summary);
    expect(summary).toContain('The fault began at 02:05');
    expect(summary).toContain('detected at 02:10 through monitoring, 5 min after the fault began');
    expect(summary).toContain('resolved at 02:25, 20 min after the fault began');
    expect(summary).toContain('its success ending after 2 decisions and 1 roll');
  });

  it('says how and when it was detected, from the declaration, and what the record shows was missed', () => {
    const detection = section(markdown, 'Detection');
    expect(detection).toContain(
      'The Incident Commander declared the incident at 02:10, citing an alert or page (“PAGE: checkout 5xx at 18% in eu-west”)',
    );
    expect(detection).toContain('**What was missed**');
  });

  it('puts the debrief’s notes and action items where they belong, escaped, without naming who wrote them', () => {
    expect(section(markdown, 'What went well')).toContain('- The \\*runbook\\* was current');
    expect(section(markdown, 'What was hard')).toContain('- Two dashboards disagreed on the error rate');
    const lucky = section(markdown, 'Where we got lucky');
    expect(lucky).toContain('- The resolver cache was small');
    expect(lucky).toContain('“Roll back the DNS change” succeeded by 1 (d20 13 vs 12)');
    const items = section(markdown, 'Action items');
    expect(items).toContain('| Review TTL changes | Platform | high |');
    expect(items).toContain('| Alert on resolver staleness | _to decide_ | _to decide_ |');
  });

  it('names no one, and writes no session id, hash or scene id, before the appendix', () => {
    const prose = markdown.slice(0, markdown.indexOf('## Appendix'));
    for (const name of ['Ana', 'Bo']) expect(prose).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(markdown).not.toContain(HASH.slice(0, 8));
    // An id that is also a word of the author's text ("dashboards") may appear as that word; no other may.
    const authored = t.scenario.scenes
      .flatMap((s) => [s.narration, ...(s.choices ?? []).map((c) => c.label)])
      .join(' ');
    const ids = [...t.scenario.scenes.map((s) => s.id), ...t.scenario.endings.map((e) => e.id)];
    for (const id of ids) {
      expect(prose).not.toContain(`\`${id}\``);
      if (!authored.includes(id)) expect(prose).not.toMatch(new RegExp(`\\b${id}\\b`));
    }
    expect(ids.filter((id) => !authored.includes(id)).length).toBeGreaterThan(2);
  });

  it('reads each duration as the debrief screen does, through the one shared formatter', () => {
    const impact = section(markdown, 'Impact');
    for (const { label, span } of runTimes(t.state.milestones)) {
      const cells = span
        ? `${formatGameMinutes(span.game)} | ${formatWallDuration(span.wall)}`
        : 'not reached | not reached';
      expect(impact).toContain(`| ${label} | ${cells} |`);
    }
  });

  it('tells the story in the order it happened, the fault’s onset before anyone noticed', () => {
    const times = firstCells(section(markdown, 'Timeline'));
    expect(times.length).toBeGreaterThan(6);
    const minutes = times.map((time) => {
      const [h, m] = time.split(':').map(Number);
      return (h ?? 0) * 60 + (m ?? 0);
    });
    expect([...minutes].sort((a, b) => a - b)).toEqual(minutes);
    const story = section(markdown, 'Timeline');
    expect(story.indexOf('**The fault begins**')).toBeLessThan(story.indexOf('**Detected**'));
    expect(story.indexOf('**Detected**')).toBeLessThan(story.indexOf('**Resolved**'));
  });

  it('keeps the full shared event log in the appendix, private coaching left out', () => {
    const t2 = played();
    t2.must(FACILITATOR, { type: 'coach', playerId: 'ana', text: 'Private hint: look at the resolver' });
    const appendix = section(postmortemDraft(t2.scenario, t2.state), 'Appendix: event log');
    expect(appendix).toContain('| choice | Roll back the DNS change |');
    expect(appendix).toContain('Ana joined');
    expect(appendix).not.toContain('Private hint');
  });
});

describe('times in the draft', () => {
  it('carry the day once an exercise runs past midnight, and never read as raw minutes', () => {
    const t = played(startingAt('23:50'));
    t.must(FACILITATOR, { type: 'session.close' });
    const markdown = postmortemDraft(t.scenario, t.state);
    expect(markdown).toContain('The fault began at Day 1 23:55');
    expect(markdown).toContain('detected at Day 2 00:00');
    expect(markdown).toContain('| Day 2 00:15 | **Resolved** |');
    expect(markdown).not.toMatch(/\b\d{3,} min\b/);
    for (const time of firstCells(section(markdown, 'Timeline'))) expect(time).toMatch(/^Day [12] \d\d:\d\d$/);
  });

  it('keep the plain clock when the exercise stays within one day', () => {
    const markdown = postmortemDraft(exampleScenario(), played().state);
    expect(markdown).not.toContain('Day ');
    expect(gameDay('02:00', 25)).toBe(1);
  });

  it('write a fault begun days before play as days, hours and minutes', () => {
    const base = exampleScenario();
    const scenario = { ...base, fault: { ...base.fault, starts_at: -7060 } };
    const markdown = postmortemDraft(scenario, played(scenario).state);
    expect(markdown).toContain('4 d 21 h 50 min after the fault began');
    expect(markdown).toContain('The fault began at Day −4 04:20 on the game clock, before play began');
  });
});

describe('a session the facilitator ended early', () => {
  it('keeps the scenario’s debrief questions, on screen and in the draft', () => {
    const t = new Table(exampleScenario()).seatAndStart(['sre']);
    t.must(FACILITATOR, { type: 'session.end', outcome: 'failure' });
    const view = viewFor(t.scenario, t.state, { kind: 'player', playerId: asPlayerId('p1') });
    expect(view.ending?.debrief).toEqual(['Why did a TTL change skip review?']);
    expect(section(postmortemDraft(t.scenario, t.state), 'What was hard')).toContain(
      '- _Why did a TTL change skip review?_',
    );
  });
});

const fixtureText = readFileSync(
  new URL('../../../tests/server/fixtures/scenarios/dns-ttl-trap.yaml', import.meta.url),
  'utf8',
);
const parsedFixture = parseScenario(fixtureText, 'dns-ttl-trap.yaml').scenario;
if (!parsedFixture) throw new Error('fixture scenario does not parse');
const scenario: Scenario = parsedFixture;
const F: Actor = { kind: 'facilitator' };
const SYS: Actor = { kind: 'system' };
const ana: Actor = { kind: 'player', playerId: asPlayerId('ana') };
const bo: Actor = { kind: 'player', playerId: asPlayerId('bo') };

/**
 * A session where every field a person types holds the next of `typed`: team, both names, an
 * improvised inject, a called roll, a post, a proposal, a declaration's note, the closing note, an
 * action item and its owner, then one post per text left. Old logs may hold any name, so the names
 * skip the join checks.
 */
function typedSession(typed: readonly string[]): SessionState {
  let used = 0;
  const next = () => typed[used++ % typed.length] as string;
  const s = scenario;
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
  run(bo, { id: 'n', type: 'debrief.note', kind: 'hard', text: next() });
  return state;
}

describe('postmortem with hostile user text', () => {
  const hostile = renderMarkdown(postmortemDraft(scenario, typedSession(HOSTILE_TEXT)));
  const plain = renderMarkdown(postmortemDraft(scenario, typedSession(HOSTILE_TEXT.map((_, i) => `plain words ${i}`))));

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
    const markdown = postmortemDraft(scenario, typedSession(HOSTILE_TEXT));
    expect(markdown).toContain('| Open the regional dashboards |');
    expect(markdown).toContain('| page | PAGE: checkout 5xx at 18% in eu-west |');
  });
});
