import type { Ending, Outcome, Scenario } from '../scenario/schema.ts';

/** As many questions as one ending may hold: a debrief has time for no more. */
const MAX_PROMPTS = 20;

const promptsOf = (ending: Ending): string[] =>
  ending.debrief === undefined ? [] : Array.isArray(ending.debrief) ? ending.debrief : [ending.debrief];

/**
 * The scenario's questions for the debrief. An ending reached brings its own. A session the
 * facilitator ended early reached no ending, but the scenario's questions still belong to it: those
 * of the endings with the outcome the facilitator chose, or of every ending when none has it, each
 * once, in the scenario's order, at most MAX_PROMPTS. Empty before the session ends. Pure.
 */
export function debriefPrompts(scenario: Scenario, ending: string | null, outcome: Outcome | null): string[] {
  if (outcome === null) return [];
  const reached = ending === null ? undefined : scenario.endings.find((e) => e.id === ending);
  if (reached) return promptsOf(reached);
  const alike = scenario.endings.filter((e) => e.outcome === outcome && promptsOf(e).length > 0);
  const from = alike.length > 0 ? alike : scenario.endings;
  return [...new Set(from.flatMap(promptsOf))].slice(0, MAX_PROMPTS);
}
