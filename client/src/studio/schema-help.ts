/**
 * Schema help for the studio's editor: which keys fit at the cursor, what a key means, which values
 * an enum takes, all read from the scenario JSON Schema (scenarios/schema.json). The YAML path of the
 * cursor is found from indentation alone, so it works on a half-typed file that does not parse. Pure.
 */

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  /** What every key not named in `properties` holds (a map keyed by ids: `health: { api: down }`). */
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
}

/** A key of the YAML path, or `[]` for "an item of this list". */
export type PathPart = string;
export const ITEM = '[]';

interface LineShape {
  /** Column of the `- ` when the line starts a list item. */
  dash: number | null;
  /** Column of the first character after indentation and any `- `. */
  content: number;
  key: string | null;
}

const KEY_LINE = /^(\s*)((?:-\s+)*)([A-Za-z_][\w-]*)\s*:(?:\s|$)/;

function shapeOf(line: string): LineShape | null {
  if (line.trim() === '' || line.trim().startsWith('#')) return null;
  const indent = line.length - line.trimStart().length;
  const dashes = /^(\s*)((?:-\s+)*)/.exec(line);
  const dashPart = dashes?.[2] ?? '';
  const key = KEY_LINE.exec(line);
  return {
    dash: dashPart ? indent + dashPart.lastIndexOf('-') : null,
    content: indent + dashPart.length,
    key: key?.[3] ?? null,
  };
}

/**
 * The path of the mapping that holds a key starting at `column` on line `lineIndex` (0-based), and
 * whether that line opens a list item (`- key`) itself. `lines` is the whole text split on newlines.
 */
export function parentPathAt(
  lines: readonly string[],
  lineIndex: number,
  column: number,
  opensItem: boolean,
): PathPart[] {
  const path: PathPart[] = [];
  let limit = column;
  // Inside a list item, the list's own key may sit at the dash's column (`roles:` over `- id:`).
  let sameColumnKey = false;
  if (opensItem) {
    path.push(ITEM);
    const line = lines[lineIndex] ?? '';
    limit = shapeOf(line)?.dash ?? column;
    sameColumnKey = true;
  }
  for (let i = lineIndex - 1; i >= 0 && (limit > 0 || sameColumnKey); i--) {
    const shape = shapeOf(lines[i] ?? '');
    if (!shape) continue;
    if (shape.dash !== null && shape.content === limit && !sameColumnKey) {
      // A sibling key in the same list item: the item's dash is our parent.
      path.push(ITEM);
      limit = shape.dash;
      sameColumnKey = true;
      continue;
    }
    const indentOf = shape.dash ?? shape.content;
    if (
      shape.key !== null &&
      (shape.content < limit || (sameColumnKey && shape.content === limit && shape.dash === null))
    ) {
      path.push(shape.key);
      sameColumnKey = false;
      limit = shape.content;
      if (shape.dash !== null) {
        path.push(ITEM);
        limit = shape.dash;
        sameColumnKey = true;
      }
      continue;
    }
    if (indentOf < limit && shape.key === null && shape.dash !== null) {
      path.push(ITEM);
      limit = shape.dash;
      sameColumnKey = true;
    }
  }
  return path.reverse();
}

/** The schema reached by following `path` from `root`; null where the schema says nothing. */
export function schemaAt(root: JsonSchema, path: readonly PathPart[]): JsonSchema | null {
  let node: JsonSchema | null = root;
  for (const part of path) {
    if (node === null) return null;
    const here: JsonSchema[] = branches(root, node);
    if (part === ITEM) {
      const items = here.map((b) => b.items).filter((x): x is JsonSchema => x !== undefined);
      node = items.length === 0 ? null : items.length === 1 ? (items[0] ?? null) : { anyOf: items };
    } else {
      const found = here
        .map(
          (b) =>
            b.properties?.[part] ?? (typeof b.additionalProperties === 'object' ? b.additionalProperties : undefined),
        )
        .filter((x): x is JsonSchema => x !== undefined);
      node = found.length === 0 ? null : found.length === 1 ? (found[0] ?? null) : { anyOf: found };
    }
  }
  return node;
}

/** Every concrete schema `node` stands for: its $ref resolved and its anyOf/oneOf/allOf spread out. */
function branches(root: JsonSchema, node: JsonSchema, depth = 0): JsonSchema[] {
  if (depth > 8) return [];
  if (node.$ref) {
    const name = node.$ref.replace(/^#\/definitions\//, '');
    const target = root.definitions?.[name];
    return target ? branches(root, target, depth + 1) : [];
  }
  const nested = [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
  if (nested.length === 0) return [node];
  const own = node.properties || node.items ? [node] : [];
  return [...own, ...nested.flatMap((n) => branches(root, n, depth + 1))];
}

export interface KeyHelp {
  key: string;
  detail: string;
  doc: string;
}

/** The keys an object at `path` may hold, each with a one-line summary and its description. */
export function keysAt(root: JsonSchema, path: readonly PathPart[]): KeyHelp[] {
  const node = schemaAt(root, path);
  if (!node) return [];
  const seen = new Map<string, KeyHelp>();
  for (const branch of branches(root, node)) {
    for (const [key, value] of Object.entries(branch.properties ?? {})) {
      if (seen.has(key)) continue;
      const required = branch.required?.includes(key) ?? false;
      seen.set(key, { key, detail: summary(root, value, required), doc: describe(root, value, required) });
    }
  }
  return [...seen.values()];
}

/** The values an enum (or a const) at `path` takes, as text. */
export function valuesAt(root: JsonSchema, path: readonly PathPart[]): string[] {
  const node = schemaAt(root, path);
  if (!node) return [];
  const values = new Set<string>();
  for (const b of branches(root, node)) {
    for (const v of b.enum ?? []) values.add(String(v));
    if (b.const !== undefined) values.add(String(b.const));
    if (b.type === 'boolean') ['true', 'false'].forEach((v) => values.add(v));
  }
  return [...values];
}

/** What the schema says of the key `path` ends in, for hover: its description, else its constraints. */
export function docAt(root: JsonSchema, path: readonly PathPart[]): string | null {
  const node = schemaAt(root, path);
  return node ? describe(root, node, null) : null;
}

function typeName(root: JsonSchema, node: JsonSchema): string {
  const all = branches(root, node);
  const names = new Set<string>();
  for (const b of all) {
    if (b.enum) names.add(b.enum.map((v) => JSON.stringify(v)).join(' | '));
    else if (b.const !== undefined) names.add(JSON.stringify(b.const));
    else if (b.type === 'array') names.add(`list of ${b.items ? typeName(root, b.items) : 'items'}`);
    else if (b.type) names.add(Array.isArray(b.type) ? b.type.join(' | ') : b.type);
    else if (b.properties) names.add('object');
  }
  return [...names].join(' or ') || 'any';
}

function summary(root: JsonSchema, node: JsonSchema, required: boolean): string {
  return `${typeName(root, node)}${required ? ', required' : ''}`;
}

function describe(root: JsonSchema, node: JsonSchema, required: boolean | null): string {
  const parts: string[] = [];
  const b = branches(root, node);
  const description = node.description ?? b.find((x) => x.description)?.description;
  if (description) parts.push(description);
  parts.push(typeName(root, node) + (required === true ? ' (required)' : required === false ? ' (optional)' : ''));
  for (const x of b) {
    if (x.minimum !== undefined || x.maximum !== undefined)
      parts.push(`from ${x.minimum ?? '…'} to ${x.maximum ?? '…'}`);
    if (x.maxLength !== undefined) parts.push(`at most ${x.maxLength} characters`);
    if (x.maxItems !== undefined) parts.push(`at most ${x.maxItems} items`);
    if (x.pattern !== undefined) parts.push(`matches ${x.pattern}`);
    if (x.default !== undefined) parts.push(`default ${JSON.stringify(x.default)}`);
  }
  return [...new Set(parts)].join('; ');
}

export type CursorContext =
  | { kind: 'key'; path: PathPart[]; typed: string; from: number }
  | { kind: 'value'; path: PathPart[]; typed: string; from: number }
  | null;

/**
 * What the cursor at `offset` is typing: a key (the mapping's path, what is typed so far and where it
 * starts) or a key's value (the key's own path), or null elsewhere.
 */
export function contextAt(text: string, offset: number): CursorContext {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const lines = text.split('\n');
  const lineIndex = before.split('\n').length - 1;
  const typedLine = before.slice(lineStart);
  const keyTyping = /^(\s*)((?:-\s+)*)([\w-]*)$/.exec(typedLine);
  if (keyTyping) {
    const column = (keyTyping[1] ?? '').length + (keyTyping[2] ?? '').length;
    const typed = keyTyping[3] ?? '';
    return {
      kind: 'key',
      path: parentPathAt(lines, lineIndex, column, (keyTyping[2] ?? '') !== ''),
      typed,
      from: offset - typed.length,
    };
  }
  const valueTyping = /^(\s*)((?:-\s+)*)([A-Za-z_][\w-]*)\s*:\s+([\w./-]*)$/.exec(typedLine);
  if (valueTyping) {
    const column = (valueTyping[1] ?? '').length + (valueTyping[2] ?? '').length;
    const typed = valueTyping[4] ?? '';
    const parent = parentPathAt(lines, lineIndex, column, (valueTyping[2] ?? '') !== '');
    return { kind: 'value', path: [...parent, valueTyping[3] ?? ''], typed, from: offset - typed.length };
  }
  return flowContext(lines, lineIndex, typedLine, offset);
}

/** Where a point of a line stands inside its flow collections (`{…}`, `[…]`), see flowAt. */
interface FlowPoint {
  /** The path of the innermost collection open there. */
  path: PathPart[];
  mapping: boolean;
  /** In a mapping, the key whose value is being written there; null while a key is. */
  key: string | null;
  /** What stands between the last `{`, `[`, `,` or the key's colon and the point. */
  segment: string;
}

/**
 * Where the point `end` of line `lineIndex` stands inside the flow collections the line's value
 * opens (`key: {`, `- {`, `key: [`), nested as deep as they go: `when: { not: { fl|` is in the
 * mapping at `when.not`. Null outside any, after the outermost closed, inside a quoted string, or
 * under a collection whose place in the schema cannot be told (a `{` with no key before it).
 */
function flowAt(lines: readonly string[], lineIndex: number, line: string, end: number): FlowPoint | null {
  const head = /^(\s*)((?:-\s+)*)(?:([A-Za-z_][\w-]*)\s*:\s*)?[{[]/.exec(line);
  if (!head) return null;
  const column = (head[1] ?? '').length + (head[2] ?? '').length;
  const parent = parentPathAt(lines, lineIndex, column, (head[2] ?? '') !== '');
  const frames: { path: PathPart[] | null; mapping: boolean }[] = [];
  let key: string | null = head[3] ?? null;
  let from = head[0].length - 1;
  for (let i = from; i < end; i++) {
    const c = line[i];
    if (c === '"' || c === "'") {
      const close = line.indexOf(c, i + 1);
      if (close === -1 || close >= end) return null;
      i = close;
    } else if (c === '{' || c === '[') {
      const outer = frames.at(-1);
      const base = outer ? outer.path : key === null ? parent : [...parent, key];
      const path =
        base === null || !outer ? base : outer.mapping ? (key === null ? null : [...base, key]) : [...base, ITEM];
      frames.push({ path, mapping: c === '{' });
      key = null;
      from = i + 1;
    } else if (c === '}' || c === ']') {
      frames.pop();
      if (frames.length === 0) return null;
      key = null;
      from = i + 1;
    } else if (c === ',') {
      key = null;
      from = i + 1;
    } else if (c === ':' && key === null && frames.at(-1)?.mapping) {
      // A colon inside a plain value (`at: 09:00`) is the value's own; only the first names the key.
      key = /^\s*([\w-]+)\s*$/.exec(line.slice(from, i))?.[1] ?? '';
      from = i + 1;
    }
  }
  const inner = frames.at(-1);
  if (!inner || inner.path === null || key === '') return null;
  return { path: inner.path, mapping: inner.mapping, key, segment: line.slice(from, end) };
}

/** Typing inside one-line flow collections: `- { id: look, la|`, `when: { not: { fl|`, `to: [ic, s|`. */
function flowContext(lines: readonly string[], lineIndex: number, typedLine: string, offset: number): CursorContext {
  const point = flowAt(lines, lineIndex, typedLine, typedLine.length);
  if (!point) return null;
  if (point.mapping && point.key === null) {
    const key = /^\s*([\w-]*)$/.exec(point.segment);
    return key ? { kind: 'key', path: point.path, typed: key[1] ?? '', from: offset - (key[1] ?? '').length } : null;
  }
  const value = /^\s*([\w./-]*)$/.exec(point.segment);
  if (!value) return null;
  const typed = value[1] ?? '';
  const path = point.key === null ? [...point.path, ITEM] : [...point.path, point.key];
  return { kind: 'value', path, typed, from: offset - typed.length };
}

/** The path of the key under `offset`, when the cursor is on a key; for hover docs. */
export function keyPathAt(text: string, offset: number): PathPart[] | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const col = offset - lineStart;
  const lines = text.split('\n');
  const lineIndex = text.slice(0, lineStart).split('\n').length - 1;
  const match = KEY_LINE.exec(line);
  if (match) {
    const keyFrom = (match[1] ?? '').length + (match[2] ?? '').length;
    const key = match[3] ?? '';
    if (col >= keyFrom && col <= keyFrom + key.length)
      return [...parentPathAt(lines, lineIndex, keyFrom, (match[2] ?? '') !== ''), key];
  }
  // A key inside a one-line flow mapping: the word under the cursor, followed by a colon.
  const word = /[\w-]+/g;
  for (let m = word.exec(line); m !== null; m = word.exec(line)) {
    if (col < m.index || col > m.index + m[0].length) continue;
    // A key follows `{` or `,` and precedes `:`; `09` in `"09:00"` does neither.
    if (!/^\s*:/.test(line.slice(m.index + m[0].length)) || !/[{,]\s*$/.test(line.slice(0, m.index))) return null;
    const point = flowAt(lines, lineIndex, line, m.index);
    return point?.mapping && point.key === null ? [...point.path, m[0]] : null;
  }
  return null;
}
