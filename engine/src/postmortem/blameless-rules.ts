/**
 * The blameless-language check's rules, as data. Each rule is a regular expression (source text,
 * matched case-insensitively over one sentence at a time), why it reads as blame, and a neutral
 * rewrite to consider. `{person}` stands for anyone who could be blamed: a pronoun for a person, a
 * generic person ("the on-call", "the engineer", "someone") or one of the names the caller knows
 * (the players' names and the scenario's role names). "We" is never a person here: the team owning
 * what happened is the blameless voice. A machine is never a person either ("the script forgot to
 * retry" describes a system).
 *
 * Add a rule by adding an entry, with sentences it must flag and must not flag in blameless.test.ts.
 */
export interface BlamelessRule {
  id: string;
  pattern: string;
  why: string;
  rewrite: string;
}

/** Generic ways of naming a person as the one at fault. */
export const GENERIC_PEOPLE = [
  'he',
  'she',
  'they',
  'someone',
  'somebody',
  'the (?:on-?call(?: engineer)?|engineer|operator|developer|dev|intern|new hire|junior|admin|sysadmin|dba|sre|ic|responder|person on call)',
] as const;

export const BLAMELESS_RULES: readonly BlamelessRule[] = [
  {
    id: 'forgot',
    pattern: "{person}\\s+(?:just\\s+|simply\\s+)?(?:forgot|neglected|failed|omitted|didn't bother|did not bother)\\b",
    why: 'Names a person as the reason a step did not happen.',
    rewrite: 'The step was missed because … (what made it easy to miss: no reminder, no check, a busy moment?)',
  },
  {
    id: 'ignored',
    pattern: '{person}\\s+(?:just\\s+)?(?:ignored|overlooked|dismissed|missed)\\b',
    why: 'Reads a signal that was not acted on as one person’s lapse.',
    rewrite: 'The signal was not acted on because … (was it buried, noisy, routed to the wrong place?)',
  },
  {
    id: 'human-error',
    pattern: '\\b(?:human|operator|user|pilot|engineer|personnel)\\s+error\\b',
    why: '“Human error” ends the inquiry where it should begin.',
    rewrite: 'The action made sense at the time because … ; what in the tool or process allowed it?',
  },
  {
    id: 'should-have-known',
    pattern: "\\bshould(?:\\s+not|n[’']t)?\\s+have\\s+known(?:\\s+better)?\\b",
    why: 'Hindsight: judges a decision by what was learned only afterwards.',
    rewrite: 'What did the team know at that moment, and what would have made the missing piece visible?',
  },
  {
    id: 'person-should-have',
    pattern: "{person}\\s+should(?:\\s+not|n[’']t)?\\s+have\\b",
    why: 'A counterfactual about one person rather than about the system around them.',
    rewrite: 'That step was not taken because … ; what would make it the obvious step next time?',
  },
  {
    id: 'someones-fault',
    pattern:
      "(?:{person}[’']s\\s+(?:fault|mistake|error|blunder|screw-?up)|(?:fault|mistake) of\\s+{person}|{person}\\s+(?:is|was)\\s+to\\s+blame|blame[sd]?\\s+{person})",
    why: 'Assigns fault to a person.',
    rewrite: 'The conditions that led to it were … (the change, the tool, the missing check).',
  },
  {
    id: 'person-as-cause',
    pattern:
      '\\b(?:caused\\s+by|because\\s+of|due\\s+to|thanks\\s+to)\\s+{person}|{person}\\s+(?:caused|broke|took\\s+down|brought\\s+down|messed\\s+up|screwed\\s+up)\\b',
    why: 'Makes a person the cause; people act inside a system that let the action do harm.',
    rewrite: 'It began when … ; what allowed a single action to have this effect?',
  },
  {
    id: 'carelessness',
    pattern:
      '\\b(?:careless(?:ness)?|sloppy|sloppiness|negligen(?:t|ce)|incompeten(?:t|ce)|lazy|laziness|rookie mistake|dropped the ball)\\b',
    why: 'Judges a person’s character or effort instead of describing what happened.',
    rewrite: 'Describe the action and its context: what was the person trying to do, and what made it hard?',
  },
];
