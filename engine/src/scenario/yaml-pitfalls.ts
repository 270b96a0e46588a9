/**
 * Plain YAML text ends at ": " (a new key) and, inside `{ … }`, at ", " (the next entry). An author
 * writing prose does not expect that, and YAML's own message ("Nested mappings are not allowed in
 * compact mappings", or an unknown key named after half a sentence) does not say what to do. These
 * helpers recognise the two cases and write the fix: the same line with the text in quotes.
 */

const KEY = '[A-Za-z_][A-Za-z0-9_-]*';
/** A key, ": ", then a value that is plain text (not quoted, not a list, mapping or block). */
const ENTRY = new RegExp(`^(\\s*(?:-\\s+)?)(${KEY}): (?!["'\\[{|>&*!])(.*)$`);
/** An entry of a flow mapping starts after "{" or ", "; a colon anywhere else is inside a value. */
const FLOW_ENTRY = new RegExp(`(?<=[{,]\\s*)(${KEY}): `, 'g');

/** Text as a double-quoted YAML scalar. */
export const quoted = (text: string) => JSON.stringify(text);

export interface ColonInText {
  /** Offset of the text that needs quotes. */
  offset: number;
  key: string;
  text: string;
}

/** Where the line holding `offset` starts and ends. */
function lineAround(source: string, offset: number): { start: number; line: string } {
  const start = source.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const end = source.indexOf('\n', offset);
  return { start, line: source.slice(start, end === -1 ? source.length : end) };
}

/** A trailing `# comment` is not part of the text (YAML needs a space before the `#`). */
const withoutComment = (text: string) => text.replace(/\s+#.*$/, '').trimEnd();

/**
 * The unquoted text holding ": " on the line of a YAML error at `offset`, if that is what went
 * wrong: `narration: Errors climb: 5% now` or `{ label: Wait: see, takes: 3 }`.
 */
export function colonInText(source: string, offset: number): ColonInText | null {
  const { start, line } = lineAround(source, offset);
  if (line.includes('{')) {
    // Inside a flow mapping an entry runs to the next ", key: " or the closing brace.
    const entries = [...line.matchAll(FLOW_ENTRY)];
    for (const [i, match] of entries.entries()) {
      const valueStart = (match.index ?? 0) + match[0].length;
      const next = entries[i + 1]?.index;
      const raw = line.slice(valueStart, next === undefined ? line.lastIndexOf('}') : next);
      const text = raw.replace(/,\s*$/, '').trim();
      if (/^["'[{]/.test(text)) continue;
      if (text.includes(': ')) return { offset: start + valueStart, key: match[1] ?? '', text };
    }
    return null;
  }
  const match = ENTRY.exec(line);
  if (!match) return null;
  const text = withoutComment(match[3] ?? '');
  if (!text.includes(': ')) return null;
  return { offset: start + (match[1] ?? '').length + (match[2] ?? '').length + 2, key: match[2] ?? '', text };
}

/** The message for text cut at ": ": what YAML saw, and the line written with quotes. */
export function colonMessage(found: ColonInText): string {
  return `this text holds ": ", which YAML reads as the start of another key. Put the text in quotes: ${found.key}: ${quoted(found.text)}`;
}

/**
 * An unknown key inside `{ … }` that is really the rest of the text before it, cut at a comma:
 * `{ label: Roll back, then watch }` reads as `label: Roll back` and a key `then watch`. Returns the
 * fix when the key is prose (holds a space) with no value and the entry before it is text.
 */
export function commaInText(mapping: Record<string, unknown>, key: string): string | null {
  if (!/\s/.test(key) || mapping[key] !== null) return null;
  const keys = Object.keys(mapping);
  const before = keys[keys.indexOf(key) - 1];
  const text = before === undefined ? undefined : mapping[before];
  if (typeof text !== 'string') return null;
  return `'${key}' is the rest of the ${before} text: inside { }, ", " ends a value and starts the next key. Put the whole text in quotes: ${before}: ${quoted(`${text}, ${key}`)}`;
}
