import { BLAMELESS_RULES, GENERIC_PEOPLE, type BlamelessRule } from './blameless-rules.ts';

/** One piece of wording that reads as blame, where it is, and what to consider instead. */
export interface BlamelessFinding {
  rule: string;
  /** The span of `text` that matched: `text.slice(start, end)`. */
  start: number;
  end: number;
  match: string;
  why: string;
  suggestion: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Names a caller passes that would make every sentence match: "we" is the team's voice, not a person. */
const NOT_PEOPLE = new Set(['we', 'us', 'our', 'the team', 'team', 'it']);

/** The `{person}` alternation: the generic people, then the caller's names, longest first so "Ana Lee" wins over "Ana". */
function personPattern(names: readonly string[]): string {
  const given = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 1 && !NOT_PEOPLE.has(n.toLowerCase())))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  // Letters on either side would make it part of another word (\b knows only ASCII letters: "Élodie").
  return `(?<![\\p{L}\\p{N}_])(?:${[...given, ...GENERIC_PEOPLE].join('|')})(?![\\p{L}\\p{N}_])`;
}

const compiled = new Map<string, RegExp[]>();

function compile(rules: readonly BlamelessRule[], names: readonly string[]): RegExp[] {
  const key = names.join('\u0000');
  const cached = rules === BLAMELESS_RULES ? compiled.get(key) : undefined;
  if (cached) return cached;
  const person = personPattern(names);
  const regexps = rules.map((r) => new RegExp(r.pattern.replaceAll('{person}', person), 'giu'));
  if (rules === BLAMELESS_RULES) {
    // Names come from one session at a time: a small cache is enough, and it must not grow without end.
    if (compiled.size > 50) compiled.clear();
    compiled.set(key, regexps);
  }
  return regexps;
}

/**
 * Wording in `text` that blames a person, each finding with its span and a neutral rewrite to
 * consider, in the order they occur. `people` are names to treat as persons (the players' and the
 * roles' names). Advice only: it never refuses text. At most one finding per rule and span. Pure.
 */
export function blamelessFindings(
  text: string,
  people: readonly string[] = [],
  rules: readonly BlamelessRule[] = BLAMELESS_RULES,
): BlamelessFinding[] {
  const findings: BlamelessFinding[] = [];
  compile(rules, people).forEach((regexp, i) => {
    const rule = rules[i] as BlamelessRule;
    for (const m of text.matchAll(regexp)) {
      const start = m.index;
      findings.push({
        rule: rule.id,
        start,
        end: start + m[0].length,
        match: m[0],
        why: rule.why,
        suggestion: rule.rewrite,
      });
    }
  });
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
