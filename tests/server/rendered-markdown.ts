import MarkdownIt from 'markdown-it';

/**
 * A real CommonMark renderer with GFM tables, raw HTML allowed and linkify on (bare URLs, `www.`,
 * bare domains and emails become links): the most permissive reading a post-mortem draft may get
 * once it is pasted into a wiki or an issue tracker.
 */
const markdownIt = new MarkdownIt({ html: true, linkify: true });
// linkify-it links only `scheme://` and emails by default; GFM also links `www.`, and fuzzy links go further (`evil.com`).
markdownIt.linkify.set({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: true });

export interface Rendered {
  html: string;
  /** Every opening and closing tag, in order, as written (`<td>`, `</td>`, `<a href="…">`). */
  tags: string[];
  /** The visible text: tags removed, entities decoded. */
  text: string;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&amp;': '&' };

function read(html: string): Rendered {
  return {
    html,
    tags: html.match(/<\/?[a-zA-Z][^>]*>/g) ?? [],
    text: html.replace(/<[^>]*>/g, '').replace(/&(lt|gt|quot|amp);/g, (entity) => ENTITIES[entity] ?? entity),
  };
}

/** Renders a whole Markdown document. */
export function renderMarkdown(markdown: string): Rendered {
  return read(markdownIt.render(markdown));
}

/** Renders one line of inline Markdown (no paragraph around it). */
export function renderInline(markdown: string): Rendered {
  return read(markdownIt.renderInline(markdown));
}

/** The tag names alone (`td`, `/td`, `a`): what two renderings must share when only their text differs. */
export const tagNames = (rendered: Rendered): string[] =>
  rendered.tags.map((tag) => /^<(\/?[a-zA-Z][\w-]*)/.exec(tag)?.[1] ?? tag);

/** User text an attacker would type to make a Markdown export do more than show it. */
export const HOSTILE_TEXT = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[click me](javascript:alert(1))',
  '![tracker](https://evil.example/pixel.png)',
  '<https://evil.example/autolink>',
  '<javascript:alert(1)>',
  'see http://evil.example/x and www.evil.example',
  'bare evil.example and ops@evil.example',
  '**bold** _em_ `code` ~~gone~~',
  '[ref]: https://evil.example',
  'a | b || c',
  '&lt;b&gt; &amp; &#106;avascript:',
  '# not a heading',
  'trailing backslash \\',
] as const;
