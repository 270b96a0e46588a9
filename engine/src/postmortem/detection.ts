import type { Declaration, MilestoneRecord } from '../session/state.ts';
import { detectionStory, type DetectionStory } from '../telemetry/detection-story.ts';
import { formatGameMinutes } from '../time/format.ts';
import { capital, type DraftContext } from './draft-context.ts';
import { plural, DETECTED_BY } from './summary.ts';

const SOURCE_SAID: Record<NonNullable<Declaration['source']>, string> = {
  alert: 'an alert or page',
  dashboard: 'a dashboard',
  customer: 'a customer',
  other: 'something else',
};

/** The declaration that set the detection milestone, if a player's did. */
function detectingDeclaration(ctx: DraftContext, detected: MilestoneRecord): Declaration | undefined {
  return ctx.state.declarations.find(
    (d) =>
      d.kind === 'incident' &&
      (d.status === 'accepted' || d.status === 'confirmed') &&
      d.at.game === detected.game &&
      d.at.wall === detected.wall,
  );
}

/** How and when the team found out, what could have told them, and what they missed. */
export function detection(ctx: DraftContext): string {
  const { record, state, at } = ctx;
  const { started, detected, firstPage, acknowledged } = record.milestones;
  const story = detectionStory(ctx.scenario, state);
  const how: string[] = [];
  if (detected) {
    const declared = detectingDeclaration(ctx, detected);
    how.push(
      declared
        ? `- ${capital(ctx.seat(declared.playerId))} declared the incident at ${at(detected.game)}${declared.source ? `, citing ${SOURCE_SAID[declared.source]}${alertText(ctx, declared)}` : ''}: detection through ${DETECTED_BY[detected.source]}.`
        : `- Detected at ${at(detected.game)} through ${DETECTED_BY[detected.source]}.`,
    );
    if (started)
      how.push(`- Time to detect: ${formatGameMinutes(detected.game - started.game)} after the fault began.`);
  } else how.push('- The incident was not detected.');
  if (firstPage)
    how.push(
      `- First page at ${at(firstPage.game)}; ${acknowledged ? `acknowledged at ${at(acknowledged.game)}` : 'never acknowledged'}.`,
    );
  else how.push('- No page was sent.');
  how.push(...signals(ctx, story));
  const missed = missedSignals(ctx, story);
  return `${how.join('\n')}\n\n**What was missed**\n\n${missed.length ? missed.join('\n') : '- Nothing the record shows: every signal was answered.'}`;
}

function alertText(ctx: DraftContext, declared: Declaration): string {
  const page = declared.alert ? ctx.state.revealed.find((r) => r.key === declared.alert) : undefined;
  return page ? ` (“${page.text}”)` : '';
}

const metricName = (ctx: DraftContext, id: string) =>
  ctx.scenario.telemetry?.metrics.find((m) => m.id === id)?.name ?? id;

/** What the telemetry said, and when: every fixed alert that fired, and the dynamic baseline's lead. */
function signals(ctx: DraftContext, story: DetectionStory | null): string[] {
  if (!story) return [];
  const { at } = ctx;
  const fixed = story.firings.filter((f) => f.kind === 'threshold');
  const lines = [
    fixed.length
      ? `- Alerts that fired: ${fixed.map((f) => `${metricName(ctx, f.metric)} at ${at(f.minute)}`).join(', ')}.`
      : '- No fixed alert rule fired.',
  ];
  const { baseline } = story;
  const on = ctx.state.monitoring === 'thresholds+baseline';
  if (!baseline) lines.push('- The dynamic baseline did not flag the fault.');
  else {
    const lead =
      baseline.leadMinutes === null
        ? ''
        : baseline.leadMinutes >= 0
          ? `, ${formatGameMinutes(baseline.leadMinutes)} before the team's detection`
          : `, ${formatGameMinutes(-baseline.leadMinutes)} after the team's detection`;
    lines.push(
      `- The dynamic baseline ${on ? 'flagged' : 'would have flagged (it was off in this session)'} ${metricName(ctx, baseline.metric)} at ${at(baseline.minute)}${lead}.`,
    );
    if (baseline.beforeImpact > 0)
      lines.push(`- That was ${formatGameMinutes(baseline.beforeImpact)} before users felt it.`);
  }
  return lines;
}

/** Signals that reached the table (or could have) and did not lead to action in time. */
function missedSignals(ctx: DraftContext, story: DetectionStory | null): string[] {
  const { record, state, at } = ctx;
  const detected = record.milestones.detected;
  const before = (minute: number) => detected === undefined || minute < detected.game;
  const lines: string[] = [];
  const unanswered = state.revealed.filter((r) => r.page && r.acknowledgedBy.length === 0);
  if (unanswered.length)
    lines.push(
      `- ${plural(unanswered.length, 'page')} never acknowledged (at ${unanswered.map((r) => at(r.at.game)).join(', ')}).`,
    );
  const started = record.milestones.started;
  const early = state.revealed.filter((r) => started !== undefined && r.at.game >= started.game && before(r.at.game));
  if (early.length && detected)
    lines.push(
      `- ${plural(early.length, 'signal')} reached the table after the onset and before the declaration; the first at ${at(early[0]?.at.game ?? 0)}, ${formatGameMinutes(detected.game - (early[0]?.at.game ?? detected.game))} before it.`,
    );
  const real = (minute: number) => started !== undefined && minute >= started.game && before(minute);
  for (const f of story?.firings.filter((f) => f.kind === 'threshold' && real(f.minute)) ?? [])
    lines.push(
      `- The ${metricName(ctx, f.metric)} alert fired at ${at(f.minute)}${detected ? `, ${formatGameMinutes(detected.game - f.minute)} before the declaration` : ', and the incident was never declared'}.`,
    );
  if (record.falseAlarms.length)
    lines.push(
      `- ${plural(record.falseAlarms.length, 'false alarm')} (at ${record.falseAlarms.map((a) => at(a.game)).join(', ')}): worth asking what made them look real.`,
    );
  if (!detected && started) lines.push('- The fault itself: the team never declared it.');
  return lines;
}
