import { formatPath } from './path.ts';
import type { Reporter } from './reporter.ts';
import { choices, effects, injects, type Located } from './scenario-parts.ts';
import type { Scenario } from './schema.ts';

/** Shorter secrets ("yes", "eu-west") would match ordinary prose; they are not checked. */
const SHORTEST_SECRET = 8;

/** Case, spacing and final punctuation do not make a repeated secret any less repeated. */
const normalize = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
const core = (secret: string): string => normalize(secret).replace(/[\s.!?;:,]+$/, '');

/** Text every player sees during the game, each with its path. `owner` is the role a brief belongs to. */
function publicTexts(scenario: Scenario): (Located<string> & { owner?: string })[] {
  const out: (Located<string> & { owner?: string })[] = [
    { value: scenario.title, path: ['title'] },
    { value: scenario.summary, path: ['summary'] },
  ];
  scenario.roles.forEach((role, i) => out.push({ value: role.brief, path: ['roles', i, 'brief'], owner: role.id }));
  scenario.scenes.forEach((scene, i) => {
    if (scene.title) out.push({ value: scene.title, path: ['scenes', i, 'title'] });
    out.push({ value: scene.narration, path: ['scenes', i, 'narration'] });
  });
  for (const { value, path } of choices(scenario)) out.push({ value: value.label, path: [...path, 'label'] });
  for (const { value, path } of effects(scenario))
    if (value.narration) out.push({ value: value.narration, path: [...path, 'narration'] });
  for (const { value, path } of injects(scenario))
    if (!value.to) out.push({ value: value.text, path: [...path, 'text'] });
  scenario.endings.forEach(
    (ending, i) => ending.narration && out.push({ value: ending.narration, path: ['endings', i, 'narration'] }),
  );
  // A card drawn in play is read by the whole table (1.1); a deck only dealt from is the facilitator's.
  const drawn = new Set(
    [...effects(scenario)].flatMap(({ value }) => ('draw' in value && value.draw ? [value.draw] : [])),
  );
  for (const [deck, cards] of Object.entries(scenario.decks ?? {}))
    if (drawn.has(deck)) cards.forEach((card, j) => out.push({ value: card.text, path: ['decks', deck, j, 'text'] }));
  return out;
}

const preview = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** CQ2014: a role's secret is repeated word for word (ignoring case) in text that every player, or another role, sees. */
export function lintSecrets(scenario: Scenario, report: Reporter): void {
  const texts = publicTexts(scenario).map((t) => ({ ...t, normalized: normalize(t.value) }));
  scenario.roles.forEach((role, i) => {
    (role.secrets ?? []).forEach((secret, k) => {
      const needle = core(secret);
      if (needle.length < SHORTEST_SECRET) return;
      for (const text of texts) {
        if (text.owner === role.id || !text.normalized.includes(needle)) continue;
        const audience = text.owner ? `the ${text.owner} role learns it from its brief` : 'every player learns it';
        report.at(
          'CQ2014',
          text.path,
          `repeats the secret of role '${role.id}' (${formatPath(['roles', i, 'secrets', k])}: "${preview(secret)}") word for word, so ${audience}. Reword this text, or send it as an inject \`to: [${role.id}]\`.`,
        );
      }
    });
  });
}
