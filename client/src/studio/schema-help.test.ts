import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contextAt, docAt, ITEM, keyPathAt, keysAt, valuesAt, type JsonSchema } from './schema-help.ts';

const schema = JSON.parse(
  readFileSync(new URL('../../../scenarios/schema.json', import.meta.url), 'utf8'),
) as JsonSchema;

/** The text with `|` removed and the cursor's offset where it stood. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

describe('schema help', () => {
  it('finds the path of a key typed deep in a list of maps', () => {
    const [text, offset] = at('id: x\nscenes:\n  - id: a\n    choices:\n      - label: x\n        go|\n');
    expect(contextAt(text, offset)).toMatchObject({
      kind: 'key',
      path: ['scenes', ITEM, 'choices', ITEM],
      typed: 'go',
    });
    expect(keysAt(schema, ['scenes', ITEM, 'choices', ITEM]).map((k) => k.key)).toEqual(
      expect.arrayContaining(['label', 'goto', 'check', 'when']),
    );
  });

  it("reads a list written at its key's own column, and a new item being opened", () => {
    const [text, offset] = at('roles:\n- id: ic\n  na|');
    expect(contextAt(text, offset)).toMatchObject({ kind: 'key', path: ['roles', ITEM] });
    const [text2, offset2] = at('roles:\n  - id: ic\n    name: IC\n  - |');
    expect(contextAt(text2, offset2)).toMatchObject({ kind: 'key', path: ['roles', ITEM], typed: '' });
  });

  it('offers the top-level keys at column 0 and enum values after a colon', () => {
    const [text, offset] = at('format: chaos-quest/1\ndiff|');
    const context = contextAt(text, offset);
    expect(context).toMatchObject({ kind: 'key', path: [] });
    expect(keysAt(schema, []).find((k) => k.key === 'difficulty')?.detail).toContain('"intro"');
    const [text2, offset2] = at('difficulty: |');
    expect(contextAt(text2, offset2)).toMatchObject({ kind: 'value', path: ['difficulty'] });
    expect(valuesAt(schema, ['difficulty'])).toEqual(['intro', 'medium', 'hard']);
  });

  it('documents the key under the cursor, with what the schema requires of it', () => {
    const [text, offset] = at('clock:\n  time|box: 90\n');
    expect(keyPathAt(text, offset)).toEqual(['clock', 'timebox']);
    expect(docAt(schema, ['clock', 'timebox'])).toContain('from 1 to 10000');
    expect(keyPathAt(text, text.indexOf('90'))).toBeNull();
  });

  it('reads keys and values inside one-line flow mappings, as the shipped scenarios write choices', () => {
    const lines = 'scenes:\n  - id: a\n    choices:\n      - { id: look, la|';
    const [text, offset] = at(lines);
    expect(contextAt(text, offset)).toMatchObject({
      kind: 'key',
      path: ['scenes', ITEM, 'choices', ITEM],
      typed: 'la',
    });
    const [text2, offset2] = at('difficulty: medium\nclock: { start: "09:00", time|');
    expect(contextAt(text2, offset2)).toMatchObject({ kind: 'key', path: ['clock'], typed: 'time' });
    const [text3, offset3] = at('endings:\n  - { id: won, outcome: su|');
    expect(contextAt(text3, offset3)).toMatchObject({ kind: 'value', path: ['endings', ITEM, 'outcome'], typed: 'su' });
    expect(valuesAt(schema, ['endings', ITEM, 'outcome'])).toEqual(['success', 'partial', 'failure']);
    const [text4, offset4] = at('clock: { start: "09:00", time|box: 60 }\n');
    expect(keyPathAt(text4, offset4)).toEqual(['clock', 'timebox']);
    expect(keyPathAt(text4, text4.indexOf('09'))).toBeNull();
  });

  it('follows flow collections nested in one line, as the shipped scenarios write conditions', () => {
    const scene = 'scenes:\n  - id: a\n    choices:\n';
    const [text, offset] = at(`${scene}      - { id: x, when: { not: { fl|`);
    expect(contextAt(text, offset)).toMatchObject({
      kind: 'key',
      path: ['scenes', ITEM, 'choices', ITEM, 'when', 'not'],
      typed: 'fl',
    });
    expect(keysAt(schema, ['scenes', ITEM, 'choices', ITEM, 'when', 'not']).map((k) => k.key)).toContain('flag');
    // A list in a mapping: each `{` in it is an item, whatever closed before it on the line.
    const [text2, offset2] = at(`${scene}      - { id: x, when: { all: [{ flag: a }, { not: { flag: b } }, { an|`);
    expect(contextAt(text2, offset2)).toMatchObject({
      kind: 'key',
      path: ['scenes', ITEM, 'choices', ITEM, 'when', 'all', ITEM],
      typed: 'an',
    });
    const [text3, offset3] = at(`${scene}      - { id: x, health: { api: deg|`);
    expect(contextAt(text3, offset3)).toMatchObject({
      kind: 'value',
      path: ['scenes', ITEM, 'choices', ITEM, 'health', 'api'],
      typed: 'deg',
    });
    // A map keyed by the scenario's own ids takes the values its schema gives every key.
    expect(valuesAt(schema, ['scenes', ITEM, 'choices', ITEM, 'health', 'api'])).toEqual(['ok', 'degraded', 'down']);
    // Hover: a key at any depth, and nothing for a word inside a quoted string or after the close.
    const line = `${scene}      - { id: x, label: "a: b", when: { not: { flag: done } }, goto: y }\n`;
    expect(keyPathAt(line, line.indexOf('flag') + 1)).toEqual(['scenes', ITEM, 'choices', ITEM, 'when', 'not', 'flag']);
    expect(keyPathAt(line, line.indexOf('not') + 1)).toEqual(['scenes', ITEM, 'choices', ITEM, 'when', 'not']);
    expect(keyPathAt(line, line.indexOf('goto') + 1)).toEqual(['scenes', ITEM, 'choices', ITEM, 'goto']);
    expect(docAt(schema, ['scenes', ITEM, 'choices', ITEM, 'when', 'not', 'flag'])).toBeTruthy();
    expect(keyPathAt(line, line.indexOf('a: b'))).toBeNull();
    const [text4, offset4] = at(`${scene}      - { id: x, when: { flag: a } } fl|`);
    expect(contextAt(text4, offset4)).toBeNull();
  });
});
