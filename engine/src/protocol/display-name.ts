/**
 * Names people type for themselves (a seat at the table) or for their team. Whatever is typed, the
 * name that reaches the log is readable text: no control characters, no bidirectional overrides that
 * reorder what follows it on screen, nothing invisible, and never a name the game itself signs the
 * timeline with. Pure.
 */

/** Who the game writes as the author of its own timeline lines (TimelineEntry.by): no person may take one. */
export const RESERVED_NAMES = ['Facilitator', 'System', 'Scenario'] as const;

/** The longest name a player may take: the `player.join` command's limit, in UTF-16 code units as zod counts. */
export const DISPLAY_NAME_MAX = 40;

export type DisplayNameResult = { ok: true; name: string } | { ok: false; message: string };

// Line breaks, tabs and blank-looking letters (Hangul fillers, the blank Braille cell) read as a space.
const SPACE_LIKE = /[\t\n\v\f\r\u0085\u2028\u2029\u115F\u1160\u3164\uFFA0\u2800]/g;
// Cc: C0, DEL and C1 controls. Cf: bidi marks, embeddings, overrides and isolates (U+061C, U+200E-F,
// U+202A-E, U+2066-9), zero-width space and joiners, word joiner, BOM, soft hyphen, invisible
// operators, tag characters. None is visible; some reorder or hide the text around them.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const VISIBLE = /[^\s\p{M}]/u;

// Cyrillic and Greek letters drawn like the Latin ones in the reserved names, so that "Ѕуѕtеm" is
// seen as "System". Only the reserved-name check reads this; the name itself keeps its letters.
const LOOKALIKE_FROM = 'аеіјорсѕухӏАВЕЅІЈКМНОРСТХΑΒΕΖΗΙΚΜΝΟΡΤΥΧαιοτνı';
const LOOKALIKE_TO = 'aeijopcsyxlABESIJKMHOPCTXABEZHIKMNOPTYXaiotvi';
const LOOKALIKES = new Map([...LOOKALIKE_FROM].map((ch, i) => [ch, LOOKALIKE_TO[i] as string]));

/** What a name is compared by: compatibility forms folded, look-alikes mapped, case and all but letters and digits dropped. */
function comparable(name: string): string {
  const folded = [...name.normalize('NFKC')].map((ch) => LOOKALIKES.get(ch) ?? ch).join('');
  return folded.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const RESERVED = new Set(RESERVED_NAMES.map(comparable));

/**
 * Cleans a typed name: line breaks and blank-looking characters become spaces, control and
 * invisible format characters are removed, runs of white space become one space, the ends are
 * trimmed and the result is NFC. Refuses, with a message that says what to type instead, a name
 * that is then empty (or only marks), longer than `max` UTF-16 code units, or one of
 * RESERVED_NAMES in any case, spacing, punctuation, width or look-alike letters. Pure.
 */
export function displayName(typed: string, max: number = DISPLAY_NAME_MAX): DisplayNameResult {
  const name = typed.replace(SPACE_LIKE, ' ').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().normalize('NFC');
  if (!VISIBLE.test(name)) return { ok: false, message: 'Type a name with at least one visible letter, digit or sign' };
  if (name.length > max)
    return { ok: false, message: `A name may be at most ${max} characters long; this one has ${name.length}` };
  if (RESERVED.has(comparable(name)))
    return { ok: false, message: 'That name is used by the game itself; pick another' };
  return { ok: true, name };
}
