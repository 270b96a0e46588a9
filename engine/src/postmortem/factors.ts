import { debriefPrompts } from '../session/debrief-prompts.ts';
import type { DebriefNoteKind, RollRecord } from '../session/state.ts';
import type { DraftContext } from './draft-context.ts';
import { escapeMarkdown, table } from './escape-markdown.ts';

/** A check that passed or failed by this much or less was decided by the dice more than by the plan. */
const NARROW = 2;

const margin = (r: RollRecord) => (r.target === null ? null : r.total - r.target);

function rollWords(r: RollRecord): string {
  const m = margin(r);
  if (m === null) return `${r.dice} → ${r.total}`;
  return `${r.dice} ${r.total} vs ${r.target}: ${r.success ? 'success' : 'failure'}${Math.abs(m) <= NARROW ? ', narrowly' : ''}`;
}

/** The fault, then each decision in order with the roll that decided it, and the calls the facilitator rolled for. */
export function contributingFactors(ctx: DraftContext): string {
  const { scenario, state, game, at } = ctx;
  const lines = [`- The fault: ${scenario.fault.summary}`];
  const rolls = new Map(state.rolls.map((r) => [r.seq, r]));
  for (const d of state.decisions) {
    const scene = game.scenes.get(d.scene)?.title;
    const roll = rolls.get(d.seq);
    const result = roll ? ` (${rollWords(roll)})` : d.outcome === 'done' ? '' : ` (${d.outcome})`;
    lines.push(`- ${at(d.at.game)}: the team chose “${d.label}”${scene ? ` in “${scene}”` : ''}${result}.`);
  }
  for (const r of state.rolls.filter((r) => r.choice === null))
    lines.push(`- ${at(r.at.game)}: the facilitator rolled for “${escapeMarkdown(r.label)}” (${rollWords(r)}).`);
  if (state.decisions.length === 0) lines.push('- No decisions were taken.');
  return lines.join('\n');
}

/** The notes of one kind written at the debrief, in the order they were written, in the team's voice (no names). */
function notesOf(ctx: DraftContext, kind: DebriefNoteKind): string[] {
  return ctx.state.debriefNotes.filter((n) => n.kind === kind).map((n) => `- ${escapeMarkdown(n.text)}`);
}

const NONE_YET = '_Nothing written at the debrief yet._';

export function wentWell(ctx: DraftContext): string {
  const notes = notesOf(ctx, 'went-well');
  return notes.length ? notes.join('\n') : NONE_YET;
}

/** What was hard, as the table wrote it, and the scenario's own questions to carry the conversation. */
export function wasHard(ctx: DraftContext): string {
  const notes = notesOf(ctx, 'hard');
  const { ending, outcome } = ctx.state.game.context;
  const prompts = debriefPrompts(ctx.scenario, ending, outcome);
  const asked = prompts.length
    ? `\n\nQuestions from the scenario:\n\n${prompts.map((p) => `- _${p}_`).join('\n')}`
    : '';
  return `${notes.length ? notes.join('\n') : NONE_YET}${asked}`;
}

/** Where luck, not the system, carried the team: the table's notes, and every check the dice decided narrowly in their favour. */
export function gotLucky(ctx: DraftContext): string {
  const notes = notesOf(ctx, 'lucky');
  const narrow = ctx.state.rolls.filter((r) => r.success === true && (margin(r) ?? Infinity) <= NARROW);
  const dice = narrow.map(
    (r) =>
      `- “${r.choice === null ? escapeMarkdown(r.label) : r.label}” succeeded by ${margin(r)} (${r.dice} ${r.total} vs ${r.target}) at ${ctx.at(r.at.game)}: the dice, not the process, carried it.`,
  );
  const all = [...notes, ...dice];
  return all.length ? all.join('\n') : NONE_YET;
}

const TO_DECIDE = '_to decide_';

export function actionItems(ctx: DraftContext): string {
  const items = ctx.state.actionItems;
  if (items.length === 0) return '_None recorded yet._';
  return table(
    ['Action', 'Owner', 'Priority'],
    items.map((a) => [
      escapeMarkdown(a.text),
      a.owner === null ? TO_DECIDE : escapeMarkdown(a.owner),
      a.priority ?? TO_DECIDE,
    ]),
  );
}
