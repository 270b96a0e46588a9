import type { TimelineEntry, TimelineKind } from '../session/state.ts';
import { utcTime } from '../time/format.ts';
import { capital, type DraftContext } from './draft-context.ts';
import { cell, escapeMarkdown, table } from './escape-markdown.ts';

interface Beat {
  game: number;
  wall: number;
  text: string;
}

const DECLARED = { incident: 'an incident', mitigated: 'it mitigated', resolved: 'it resolved' } as const;

/** Injects and pages revealed to the table: the scenario's words, or the facilitator's improvised ones (escaped). */
function revealedBeats(ctx: DraftContext): Beat[] {
  const roles = (to: readonly string[] | null) =>
    to === null ? 'everyone' : to.map((r) => ctx.game.roles.get(r)?.name ?? r).join(', ');
  return ctx.state.revealed.map((r) => ({
    ...r.at,
    text: `${r.page ? 'Page' : 'Inject'} to ${roles(r.to)}: “${r.injectId === null ? escapeMarkdown(r.text) : cell(r.text)}”`,
  }));
}

/** Milestones the team or the story reached (the fault's onset and the session's end have beats of their own). */
function milestoneBeats(ctx: DraftContext): Beat[] {
  const { detected, acknowledged, mitigated, resolved } = ctx.record.milestones;
  const beats: Beat[] = [];
  if (detected) beats.push({ ...detected, text: '**Detected**' });
  if (acknowledged) beats.push({ ...acknowledged, text: 'First page acknowledged' });
  if (mitigated) beats.push({ ...mitigated, text: '**Mitigated**' });
  if (resolved) beats.push({ ...resolved, text: '**Resolved**' });
  return beats;
}

/**
 * The beats that mattered, in the order they happened: the fault's onset and first impact, what the
 * table was told, what it declared, the decisions and the rolls that decided them, the milestones,
 * the end. People appear by their role, never by name.
 */
export function storyTimeline(ctx: DraftContext): string {
  const { scenario, state, record, game } = ctx;
  const beats: Beat[] = [];
  const started = record.milestones.started;
  if (started) {
    beats.push({ game: started.game, wall: started.wall, text: '**The fault begins**' });
    const impact = scenario.fault.impact_at;
    if (impact !== undefined && impact !== scenario.fault.starts_at && impact <= state.game.context.clock)
      beats.push({ game: impact, wall: started.wall, text: 'Users begin to feel it' });
  }
  const start = state.timeline.find((t) => t.kind === 'phase' && t.text === 'The quest begins');
  if (start) beats.push({ ...start.at, text: 'Play begins' });
  beats.push(...revealedBeats(ctx), ...milestoneBeats(ctx));
  for (const d of state.declarations)
    beats.push({
      ...d.at,
      text: `${capital(ctx.seat(d.playerId))} declares ${DECLARED[d.kind]}${d.status === 'false-alarm' ? ' (a false alarm: nothing was wrong yet)' : ''}`,
    });
  const rolls = new Map(state.rolls.map((r) => [r.seq, r]));
  for (const d of state.decisions) {
    const roll = rolls.get(d.seq);
    const result =
      roll?.success === undefined || roll.success === null ? '' : roll.success ? ' (succeeded)' : ' (failed)';
    beats.push({ ...d.at, text: `Decision: ${cell(d.label)}${result}` });
  }
  const ended = record.milestones.ended;
  if (ended) {
    const ending = record.ending === null ? undefined : game.endings.get(record.ending);
    beats.push({
      ...ended,
      text: ending
        ? `Ending${ending.title ? `: ${cell(ending.title)}` : ''} (${record.outcome})`
        : `Ended by the facilitator (${record.outcome})`,
    });
  }
  if (beats.length === 0) return '_Nothing has happened yet._';
  // Stable: beats at one game minute keep the order they were added in, then the wall clock decides.
  const ordered = beats
    .map((beat, i) => ({ beat, i }))
    .sort((a, b) => a.beat.game - b.beat.game || a.beat.wall - b.beat.wall || a.i - b.i);
  return table(
    ['Game clock', 'What happened'],
    ordered.map(({ beat }) => [ctx.at(beat.game), beat.text]),
  );
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

/**
 * Every entry of the shared timeline, in order, on both clocks. Coaching and hands raised were private
 * to one seat or the facilitator: a shared document leaves them out.
 */
export function eventLog(ctx: DraftContext): string {
  const shared = ctx.state.timeline.filter(
    (t) => t.audience === 'all' || (typeof t.audience === 'object' && 'roles' in t.audience),
  );
  // The engine writes one string per line, mixing the author's words with names and typed text (an
  // inject line is scripted or improvised, a narration the scenario's or the facilitator's closing
  // note): a line is kept as Markdown only when it cannot hold typed text; any other is escaped.
  const authored = authoredStrings(ctx.scenario);
  const text = (t: TimelineEntry) =>
    AUTHORED_KINDS.has(t.kind) || authored.has(t.text) ? cell(t.text) : escapeMarkdown(t.text);
  if (shared.length === 0) return '_Nothing has happened yet._';
  return table(
    ['Game clock', 'Wall (UTC)', 'Kind', 'Event'],
    shared.map((t) => [ctx.at(t.at.game), utcTime(t.at.wall), t.kind, text(t)]),
  );
}
