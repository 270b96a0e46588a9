import {
  detectionStory,
  gameTimeLabel,
  spansDays,
  incidentRecord,
  span,
  type DetectionStory,
  type IncidentRecord,
  type RecordMilestone,
  type Scenario,
  type SessionId,
  type SessionState,
  type TimelineEntry,
  type TimelineKind,
} from '@chaos-quest/engine';
import { escapeMarkdown } from './escape-markdown.ts';
import { cell, gameDuration, table, wallDate, wallDuration, wallTime } from './format.ts';

/**
 * The post-mortem draft of a session as Markdown, in a blameless template: summary, impact,
 * timeline on both clocks, detection, decisions and rolls, prompts for what went well and what was
 * hard, action items, and this run's TTD/TTA/TTM/TTR. Works for an unfinished session too (what
 * has not happened yet reads as "not reached"). Names no one: decisions are the team's. Text typed
 * during the session (the team label, names, posts, notes, improvised injects, action items) is
 * escaped so that it renders as itself; the scenario's own text is the author's Markdown. Pure.
 */
export function postmortem(scenario: Scenario, state: SessionState, sessionId: SessionId): string {
  const record = incidentRecord(scenario, state, sessionId);
  // Past midnight every time carries its day, so the timeline reads in order.
  const start = scenario.clock.start;
  const days = spansDays(start, 0, state.game.context.clock);
  const game = (minutes: number) => gameTimeLabel(start, minutes, days);
  return (
    [
      `# Post-mortem (draft): ${scenario.title}`,
      '> A practice incident from a Chaos Quest game day. Blameless by design: this is about how our systems and processes behaved, not about who did what.',
      header(scenario, record),
      section('Summary', summary(scenario, record)),
      section('Impact', impact(scenario, record, game)),
      section('Timeline', timeline(scenario, state, record, game)),
      section('Detection', detection(record, game, detectionStory(scenario, state))),
      section('Decisions and rolls', decisions(state, record, game)),
      section('What went well', '_To write together in the debrief._\n\n- '),
      section('What was hard', `_To write together in the debrief._\n\n- ${prompts(scenario, record)}`),
      section('Action items', actionItems(record)),
      section('Metrics of this run', runMetrics(record)),
    ].join('\n\n') + '\n'
  );
}

const section = (title: string, body: string) => `## ${title}\n\n${body}`;

function header(scenario: Scenario, record: IncidentRecord): string {
  const played =
    record.startedAt === null
      ? 'not started'
      : `${wallDate(record.startedAt)}${record.endedAt ? ` to ${wallDate(record.endedAt)}` : ''}`;
  return table(
    ['', ''],
    [
      ['Session', cell(record.sessionId)],
      ['Team', record.team === null ? '(none given)' : escapeMarkdown(record.team)],
      [
        'Scenario',
        `${cell(scenario.title)} (\`${scenario.id}\`, text sha256 \`${record.scenario.hash.slice(0, 12)}\`)`,
      ],
      ['Played', played],
      [
        'Outcome',
        record.outcome
          ? `${record.outcome}${record.ending ? `, ending \`${record.ending}\`` : ', ended by the facilitator'}`
          : 'not reached',
      ],
      ['Roles', cell(record.roles.join(', ') || '(none)')],
    ],
  );
}

function summary(scenario: Scenario, record: IncidentRecord): string {
  const ending = scenario.endings.find((e) => e.id === record.ending);
  const end = record.outcome
    ? `The session ended in **${record.outcome}**${ending?.title ? ` (${ending.title})` : ''}`
    : 'The session has not reached an ending';
  return `${scenario.summary}\n\n${end} after ${record.decisions.length} decision(s) and ${record.rolls.length} roll(s).${ending?.narration ? `\n\n${ending.narration}` : ''}`;
}

function impact(scenario: Scenario, record: IncidentRecord, game: (m: number) => string): string {
  const names = new Map(scenario.system.components.map((c) => [c.id, c.name]));
  const affected = scenario.fault.affects.map((id) => `${names.get(id) ?? id} (\`${id}\`)`).join(', ');
  const started = record.milestones.started;
  return [
    `- Services: ${scenario.services.join(', ')}`,
    `- Components affected: ${affected}`,
    `- Fault: ${scenario.fault.summary}`,
    `- The fault began at ${game(scenario.fault.starts_at)} on the game clock${started ? '' : ' (the session never reached it)'}.`,
  ].join('\n');
}

/** Kinds whose text the engine writes from the scenario and its own words only, never from anything typed in the session. */
const AUTHORED_KINDS: ReadonlySet<TimelineKind> = new Set(['phase', 'scene', 'choice', 'milestone', 'clock']);

/** Every string in the scenario: a timeline line equal to one of them is the author's, whoever caused it. */
function authoredStrings(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) authoredStrings(item, into);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) authoredStrings(item, into);
  return into;
}

function timeline(
  scenario: Scenario,
  state: SessionState,
  record: IncidentRecord,
  game: (m: number) => string,
): string {
  // Coaching and hands raised were private to one player or the facilitator: a shared document leaves them out.
  const shared = state.timeline.filter(
    (t) => t.audience === 'all' || (typeof t.audience === 'object' && 'roles' in t.audience),
  );
  // The engine writes one string per line, mixing the author's words with names and typed text (an
  // inject line is scripted or improvised, a narration the scenario's or the facilitator's closing
  // note): a line is kept as Markdown only when it cannot hold typed text; any other is escaped.
  const authored = authoredStrings(scenario);
  const text = (t: TimelineEntry) =>
    AUTHORED_KINDS.has(t.kind) || authored.has(t.text) ? cell(t.text) : escapeMarkdown(t.text);
  const rows = shared.map((t) => [game(t.at.game), wallTime(t.at.wall), t.kind, text(t)]);
  const started = record.milestones.started;
  if (started) {
    // The onset is known on the game clock only once play passes it: place it where it belongs in the fiction.
    const at = shared.findIndex((t) => t.at.game > started.game);
    rows.splice(at === -1 ? rows.length : at, 0, [
      game(started.game),
      wallTime(started.wall),
      'milestone',
      '**Fault onset** (from the scenario)',
    ]);
  }
  return rows.length === 0 ? '_Nothing has happened yet._' : table(['Game', 'Wall (UTC)', 'Kind', 'Event'], rows);
}

function detection(record: IncidentRecord, game: (m: number) => string, story: DetectionStory | null): string {
  const { detected, firstPage, acknowledged } = record.milestones;
  const lines = [
    detected
      ? `- Detected at ${game(detected.game)} (${wallTime(detected.wall)} UTC), source: **${record.detectionSource ?? detected.source}**.`
      : '- The incident was not detected.',
    firstPage
      ? `- First page at ${game(firstPage.game)}; ${acknowledged ? `acknowledged at ${game(acknowledged.game)}` : 'never acknowledged'}.`
      : '- No page was sent.',
    `- False alarms: ${record.falseAlarms.length}${record.falseAlarms.length ? ` (at ${record.falseAlarms.map((a) => game(a.game)).join(', ')})` : ''}.`,
    ...signals(story, game),
  ];
  return lines.join('\n');
}

/** What the telemetry could have told the team, and when: every alert that fired, and the dynamic baseline's lead. */
function signals(story: DetectionStory | null, game: (m: number) => string): string[] {
  if (!story) return [];
  const fixed = story.firings.filter((f) => f.kind === 'threshold');
  const lines = [
    fixed.length
      ? `- Fixed alert rules fired at ${fixed.map((f) => `${game(f.minute)} (${f.metric})`).join(', ')}.`
      : '- No fixed alert rule fired.',
  ];
  const { baseline } = story;
  if (!baseline) lines.push('- The dynamic baseline did not flag the fault.');
  else if (baseline.leadMinutes === null)
    lines.push(
      `- The dynamic baseline flagged ${baseline.metric} at ${game(baseline.minute)}; the team never detected the fault.`,
    );
  else {
    const when =
      baseline.leadMinutes >= 0
        ? `${baseline.leadMinutes} minutes before the team's detection`
        : `${-baseline.leadMinutes} minutes after the team's detection`;
    lines.push(`- The dynamic baseline flagged ${baseline.metric} at ${game(baseline.minute)}, ${when}.`);
  }
  if (story.impact !== story.onset) lines.push(`- Users felt it from ${game(story.impact)}.`);
  if (baseline && baseline.beforeImpact > 0) {
    lines.push(`- The dynamic baseline saw it ${baseline.beforeImpact} minutes before users felt it.`);
  }
  return lines;
}

function decisions(state: SessionState, record: IncidentRecord, game: (m: number) => string): string {
  const choices =
    record.decisions.length === 0
      ? '_No decisions were taken._'
      : table(
          ['Game', 'Scene', 'Decision', 'Result'],
          record.decisions.map((d) => [game(d.at.game), `\`${d.scene}\``, cell(d.label), d.outcome]),
        );
  // A check's label is its choice's, from the scenario; a roll the facilitator called has a typed label.
  const rolls =
    state.rolls.length === 0
      ? '_No dice were rolled._'
      : table(
          ['Game', 'Roll', 'Dice', 'Natural', 'Total / target', 'Result'],
          state.rolls.map((r) => [
            game(r.at.game),
            r.choice === null ? escapeMarkdown(r.label) : cell(r.label),
            `${r.dice}${r.physical ? ' (at the table)' : ''}`,
            String(r.natural),
            r.target === null ? String(r.total) : `${r.total} / ${r.target}`,
            r.success === null ? '—' : r.success ? 'success' : 'failure',
          ]),
        );
  return `${choices}\n\n${rolls}`;
}

function prompts(scenario: Scenario, record: IncidentRecord): string {
  const debrief = scenario.endings.find((e) => e.id === record.ending)?.debrief;
  const list = debrief === undefined ? [] : Array.isArray(debrief) ? debrief : [debrief];
  return list.length === 0 ? '' : `\n\nPrompts from the scenario:\n\n${list.map((p) => `- _${p}_`).join('\n')}`;
}

function actionItems(record: IncidentRecord): string {
  if (record.actionItems.length === 0) return '_None recorded yet._';
  return record.actionItems
    .map((a) => `- [ ] ${escapeMarkdown(a.text)}${a.owner ? ` (owner: ${escapeMarkdown(a.owner)})` : ''}`)
    .join('\n');
}

const FIGURES: { label: string; from: RecordMilestone; to: RecordMilestone }[] = [
  { label: 'Time to detect (TTD)', from: 'started', to: 'detected' },
  { label: 'Time to acknowledge (TTA)', from: 'firstPage', to: 'acknowledged' },
  { label: 'Time to mitigate (TTM)', from: 'started', to: 'mitigated' },
  { label: 'Time to resolve (TTR)', from: 'started', to: 'resolved' },
];

function runMetrics(record: IncidentRecord): string {
  const rows = FIGURES.map(({ label, from, to }) => {
    const s = span(record, { from, to });
    return [label, s ? gameDuration(s.game) : 'not reached', s ? wallDuration(s.wall) : 'not reached'];
  });
  return table(['Figure', 'Game clock', 'Wall clock'], rows);
}
