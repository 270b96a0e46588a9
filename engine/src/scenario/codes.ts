/**
 * The catalogue of scenario diagnostics. Codes are stable forever: editors, CI scripts and docs
 * refer to them, so a code is never renumbered or reused; a retired check keeps its number.
 * CQ1xxx: the file, its YAML and the schema. CQ2xxx: references and the story's logic.
 */
export const CODES = {
  CQ1001: { severity: 'error', summary: 'The file is larger than the 1 MB a scenario may be.' },
  CQ1002: { severity: 'error', summary: 'YAML syntax error (or a YAML feature scenarios do not use, such as tags).' },
  CQ1003: { severity: 'error', summary: 'A mapping has the same key twice.' },
  CQ1004: {
    severity: 'error',
    summary: 'YAML aliases expand too far (an alias bomb) or refer to the node that holds them.',
  },
  CQ1005: { severity: 'error', summary: 'Nesting deeper than 64 levels.' },
  CQ1006: {
    severity: 'error',
    summary: 'A key or id that names a JavaScript built-in (__proto__, constructor, prototype).',
  },
  CQ1007: { severity: 'error', summary: 'The file is empty or its top level is not a mapping.' },
  CQ1008: { severity: 'warning', summary: 'So many problems that only the first ones are listed.' },
  CQ1009: {
    severity: 'error',
    summary: 'A scenarios-folder entry that is not a regular file (symlink, FIFO, socket, device): not read.',
  },
  CQ1010: {
    severity: 'error',
    summary: 'Two files in the scenarios folder share a scenario id: the later one by name is not loaded.',
  },
  CQ1011: {
    severity: 'error',
    summary: "A metric's baseline CSV file is too large (over 256 KB or 10,000 rows; 1 MB for all of a scenario's).",
  },
  CQ1012: { severity: 'error', summary: 'A baseline CSV line is not `timestamp,value` with a number for value.' },
  CQ1013: { severity: 'error', summary: 'A baseline CSV has fewer than 60 rows: too short to make a baseline.' },
  CQ1014: {
    severity: 'error',
    summary: 'Unquoted text holds ": " (or ", " inside `{ }`), which YAML reads as another key: quote the text.',
  },
  CQ1101: { severity: 'error', summary: 'Unknown key (with the nearest known key as a suggestion).' },
  CQ1102: { severity: 'error', summary: 'A required key is missing.' },
  CQ1103: { severity: 'error', summary: 'A value has the wrong type or is out of range (enum values listed).' },
  CQ1104: { severity: 'error', summary: 'Unsupported `format`: this version reads chaos-quest/1 and chaos-quest/1.1.' },
  CQ1120: { severity: 'error', summary: 'A format 1.1 feature in a file that says `format: chaos-quest/1`.' },
  CQ2001: { severity: 'error', summary: 'Duplicate id (scenes and endings share one namespace).' },
  CQ2002: { severity: 'error', summary: 'A goto names no scene or ending.' },
  CQ2003: { severity: 'error', summary: 'A reference to a role that is not declared in `roles`.' },
  CQ2004: { severity: 'error', summary: 'A reference to a component that is not declared in `system.components`.' },
  CQ2005: { severity: 'error', summary: 'A flag that is not declared in `flags`.' },
  CQ2006: { severity: 'error', summary: '`start` or a `visited` condition names no scene.' },
  CQ2007: { severity: 'error', summary: 'A scene cannot be reached from `start`.' },
  CQ2008: { severity: 'error', summary: 'A scene with no choices: the party can never leave it.' },
  CQ2009: { severity: 'error', summary: 'No success ending can be reached.' },
  CQ2010: { severity: 'error', summary: 'No failure ending can be reached.' },
  CQ2011: { severity: 'warning', summary: 'Nothing reachable marks the `detected` milestone.' },
  CQ2012: { severity: 'warning', summary: 'Nothing reachable marks the `resolved` milestone.' },
  CQ2013: { severity: 'error', summary: 'An inject or the fault is timed after the timebox, so it never happens.' },
  CQ2014: { severity: 'error', summary: "A role's secret is repeated word for word in text every player sees." },
  CQ2015: { severity: 'warning', summary: 'The system diagram has a dependency cycle.' },
  CQ2016: { severity: 'error', summary: 'Escalation levels (or their `after` times) do not increase.' },
  CQ2017: { severity: 'warning', summary: 'An ending can never be reached.' },
  CQ2018: { severity: 'error', summary: 'An alert rule names a metric not declared in `telemetry.metrics`.' },
  CQ2019: {
    severity: 'error',
    summary: "A fault effect's shape lacks what it needs (`size`, `over`) or has what it cannot use.",
  },
  CQ2020: { severity: 'error', summary: 'An alert rule needs exactly one of `above` or `below`.' },
  CQ2021: { severity: 'error', summary: 'A metric or alert id is used twice.' },
  CQ2022: {
    severity: 'warning',
    summary: 'An ending no state the table can reach leads to (conditions read, not only gotos).',
  },
  CQ2023: {
    severity: 'error',
    summary: "An ending's `when` already holds when play starts, so the game ends at once.",
  },
  CQ2024: {
    severity: 'warning',
    summary: 'A scene where the table can get stuck: every choice is closed and time alone opens none.',
  },
  CQ2025: { severity: 'warning', summary: 'A choice that can never open in any state the table can reach.' },
  CQ2026: { severity: 'warning', summary: 'A `when` condition that never holds where it is read.' },
  CQ2027: {
    severity: 'warning',
    summary: 'A check that can never succeed, or never fail (exact odds in the message).',
  },
  CQ2028: {
    severity: 'warning',
    summary: 'A `goto` that is never taken: both branches of its check go elsewhere, or its branch cannot happen.',
  },
  CQ2029: { severity: 'warning', summary: 'A flag declared but never set by any choice or outcome.' },
  CQ2030: { severity: 'warning', summary: 'A flag declared but never read by any condition.' },
  CQ2031: {
    severity: 'warning',
    summary: "A scene's timed inject that a choice skips by moving the clock past it as the party leaves.",
  },
  CQ2032: { severity: 'error', summary: 'More than one role is marked `commander`.' },
  CQ2033: { severity: 'error', summary: "A metric's baseline CSV file is not beside the scenario, or cannot be read." },
  CQ2034: { severity: 'error', summary: "A metric's baseline needs exactly one of `level` or `csv`." },
  // Exercise objectives and control tags (issue 13).
  CQ2035: { severity: 'error', summary: 'An objective id, or a critical task id within one objective, is used twice.' },
  CQ2036: {
    severity: 'warning',
    summary: 'A control tag names no framework Chaos Quest knows, or no element of PCI DSS 12.10.1.',
  },
  CQ2037: {
    severity: 'info',
    summary:
      'Exploring the states the table can reach stopped at its budget: what it did not reach is not reported as unreachable.',
  },
  CQ2101: { severity: 'error', summary: 'A counter that is not declared in `counters` (format 1.1).' },
  CQ2102: { severity: 'error', summary: 'A `deadline` condition names no deadline (format 1.1).' },
  CQ2103: { severity: 'error', summary: 'A module names no scene, or a scene sits in two modules (format 1.1).' },
  CQ2104: {
    severity: 'error',
    summary: 'A `parameter` condition names no parameter, or a value it cannot take (format 1.1).',
  },
  CQ2105: {
    severity: 'error',
    summary:
      'A 1.1 part lacks what it needs: a counter condition without bounds, a cooldown without a length, an inject timed two ways.',
  },
  CQ2106: { severity: 'error', summary: "An action open in every scene reuses a scene choice's id (format 1.1)." },
  CQ2107: { severity: 'error', summary: 'A `draw` or a `deal` names no deck declared in `decks` (format 1.1).' },
  CQ2108: { severity: 'warning', summary: 'A deck with no cards: every draw from it finds it empty (format 1.1).' },
  CQ2109: { severity: 'error', summary: 'Deals take more cards from a deck than it holds (format 1.1).' },
  CQ2110: { severity: 'error', summary: 'Two cards of one deck share an id (format 1.1).' },
  CQ2111: {
    severity: 'error',
    summary:
      "A deal lacks what it needs: a deck or a parameter, a parameter that exists, options that are its deck's cards, one card for a parameter (format 1.1).",
  },
  CQ2040: {
    severity: 'warning',
    summary:
      'Below what the shipped library asks of a scenario (roles with secrets, scenes, checks, injects, a page, components, escalation, three outcomes, notes and debriefs); `validate --library`.',
  },
  CQ2041: {
    severity: 'warning',
    summary:
      'A debrief prompt asks "who": blameless prompts ask about the system and the process; `validate --library`.',
  },
} as const satisfies Record<string, { severity: 'error' | 'warning' | 'info'; summary: string }>;

export type DiagnosticCode = keyof typeof CODES;
