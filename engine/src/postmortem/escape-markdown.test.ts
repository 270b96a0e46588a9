import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, renderInline, renderMarkdown, tagNames } from '../../../tests/server/rendered-markdown.ts';
import { escapeMarkdown } from './escape-markdown.ts';

/** Characters that mean something to Markdown, HTML, linkify or a table, with look-alikes and plain letters. */
const ALPHABET = [
  ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  ...'aw1 \t',
  ...'．。＠：／ｗé😀',
  'http',
  'www.',
  'x.com',
  'javascript:',
  '&amp;',
  '<a>',
];

describe('escapeMarkdown', () => {
  it.each(HOSTILE_TEXT)('renders %j as that text and nothing else', (typed) => {
    const inline = renderInline(escapeMarkdown(typed));
    expect(inline.tags).toEqual([]);
    expect(inline.text).toBe(typed);
  });

  it('keeps a table cell and a list item whole, and folds line breaks', () => {
    const typed = 'one | two\n\n# three\r\n- four';
    const doc = renderMarkdown(
      `| a | b |\n| --- | --- |\n| ${escapeMarkdown(typed)} | x |\n\n- [ ] ${escapeMarkdown(typed)}\n`,
    );
    expect(tagNames(doc)).toEqual([
      'table',
      'thead',
      'tr',
      'th',
      '/th',
      'th',
      '/th',
      '/tr',
      '/thead',
      'tbody',
      'tr',
      'td',
      '/td',
      'td',
      '/td',
      '/tr',
      '/tbody',
      '/table',
      'ul',
      'li',
      '/li',
      '/ul',
    ]);
    expect(doc.text).toContain('one | two # three - four');
    expect(doc.text).toContain('[ ] one | two # three - four');
  });

  it('renders any line of text as exactly that text, with no element and no link', () => {
    const line = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(line, (typed) => {
        const inline = renderInline(escapeMarkdown(typed));
        expect(inline.tags).toEqual([]);
        expect(inline.text).toBe(typed.trim());
        const cell = renderMarkdown(`| a |\n| --- |\n| ${escapeMarkdown(typed)} |\n`);
        expect(tagNames(cell)).toEqual([
          'table',
          'thead',
          'tr',
          'th',
          '/th',
          '/tr',
          '/thead',
          'tbody',
          'tr',
          'td',
          '/td',
          '/tr',
          '/tbody',
          '/table',
        ]);
      }),
      { numRuns: 500 },
    );
  });
});
