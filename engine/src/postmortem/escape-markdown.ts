/**
 * Every ASCII punctuation character, each of which CommonMark lets a backslash turn into itself.
 * Escaping them all, not a hand-picked few, is what makes the rule easy to trust: no `<` opens HTML,
 * no `[`, `!` or `(` a link or an image, no `&` an entity, no `*`, `_`, `` ` ``, `#`, `>` or `-` any
 * emphasis, code or block. It also breaks every autolink trigger: `:` (so `://`, `javascript:` and
 * `<scheme:...>`), `.` (GFM's `www.` and linkify's bare `example.com`) and `@` (bare emails), because
 * an escaped character is not part of the text run that an autolinker scans.
 */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * User text (a name, a post, a note, an action item) as Markdown that renders as that same text
 * and nothing else: no raw HTML, no image, no link of any kind, no emphasis or block. Line breaks
 * fold to one space and the ends are trimmed, so the result stays on one line: it is safe inside a
 * table cell (pipes are escaped) and a list item. Scenario text is the author's and is not passed
 * through this. Pure; never fails.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]\s*/g, ' ')
    .trim()
    .replace(ASCII_PUNCTUATION, '\\$&');
}

/** One Markdown table cell of the author's text: pipes escaped and line breaks folded, so it cannot break the table. */
export function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** A Markdown table from a header row and rows of already-formatted cells. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
