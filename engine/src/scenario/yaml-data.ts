import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node } from 'yaml';
import { deepMessage, MAX_DEPTH } from './guard.ts';
import { appendPath } from './path.ts';
import type { Reporter } from './reporter.ts';

/** Keys that would reach an object's prototype machinery if they were ever assigned. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** A scenario may share a block through an anchor a few times; a bomb expands thousands. */
export const MAX_ALIAS_EXPANSIONS = 100;
export const MAX_ALIASED_VALUES = 10_000;

/** A node and the chain of nodes above it, to catch an alias that points at its own ancestor. */
interface Ancestry {
  node: unknown;
  up: Ancestry | null;
}

interface Frame {
  node: unknown;
  path: string;
  depth: number;
  put: (value: unknown) => void;
  ancestry: Ancestry | null;
  aliased: boolean;
}

const startOf = (node: unknown, fallback: number): number => (node as Node | null)?.range?.[0] ?? fallback;

/**
 * Finds each alias's anchor the way YAML defines it: the last `&name` before the alias, in
 * document order. Walks with an explicit stack. Null when an alias has no anchor (reported, CQ1002).
 */
function resolveAliases(root: unknown, report: Reporter): Map<Alias, unknown> | null {
  const anchors = new Map<string, unknown>();
  const targets = new Map<Alias, unknown>();
  let complete = true;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      if (anchors.has(node.source)) targets.set(node, anchors.get(node.source));
      else {
        complete = false;
        report.atOffset(
          'CQ1002',
          startOf(node, 0),
          `the alias *${node.source} has no anchor &${node.source} before it; define the anchor first or write the value out.`,
        );
      }
      continue;
    }
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (node.anchor) anchors.set(node.anchor, node);
    }
    if (isMap(node))
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]?.value, node.items[i]?.key);
    else if (isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  return complete ? targets : null;
}

/** Converts one YAML document to plain data, recording where every path sits. */
class Converter {
  private readonly frames: Frame[] = [];
  private expansions = 0;
  private aliasedValues = 0;
  private readonly report: Reporter;
  private readonly targets: Map<Alias, unknown>;

  constructor(report: Reporter, targets: Map<Alias, unknown>) {
    this.report = report;
    this.targets = targets;
  }

  run(root: unknown): { data: unknown } | null {
    let data: unknown = null;
    this.push({ node: root, path: '', depth: 1, put: (v) => (data = v), ancestry: null, aliased: false }, null);
    for (let frame = this.frames.pop(); frame; frame = this.frames.pop()) {
      if (!this.convert(frame)) return null;
    }
    return { data };
  }

  private push(frame: Frame, key: number | null): void {
    this.report.spots.set(frame.path, { key, value: startOf(frame.node, key ?? 0) });
    this.frames.push(frame);
  }

  /** Converts one node; children become frames. False when the document must be given up on. */
  private convert(frame: Frame): boolean {
    let { node } = frame;
    if (frame.depth > MAX_DEPTH) return this.fail('CQ1005', frame, deepMessage());
    if (isAlias(node)) {
      const target = this.targets.get(node);
      if (++this.expansions > MAX_ALIAS_EXPANSIONS) {
        return this.fail(
          'CQ1004',
          frame,
          `more than ${MAX_ALIAS_EXPANSIONS} aliases are expanded; a scenario file does not need that many. Write the values out.`,
        );
      }
      for (let up = frame.ancestry; up; up = up.up) {
        if (up.node === target)
          return this.fail(
            'CQ1004',
            frame,
            `the alias *${node.source} refers to the node that contains it, which never ends. Remove the alias.`,
          );
      }
      node = target;
      frame = { ...frame, node, aliased: true };
    }
    if (frame.aliased && ++this.aliasedValues > MAX_ALIASED_VALUES) {
      return this.fail(
        'CQ1004',
        frame,
        `aliases expand to more than ${MAX_ALIASED_VALUES} values (an alias bomb?). Write the values out instead of nesting aliases.`,
      );
    }
    const ancestry = { node, up: frame.ancestry };
    if (isMap(node)) this.mapping(node.items, frame, ancestry);
    else if (isSeq(node)) this.sequence(node.items, frame, ancestry);
    else frame.put(isScalar(node) ? plain(node.value) : null);
    return true;
  }

  private mapping(items: readonly unknown[], frame: Frame, ancestry: Ancestry): void {
    // No prototype at all: even a key that slipped past the checks below could not reach one.
    const out = Object.create(null) as Record<string, unknown>;
    frame.put(out);
    const seen = new Map<string, number>();
    const children: [Frame, number][] = [];
    for (const pair of items) {
      if (!isPair(pair)) continue;
      const keyAt = startOf(pair.key, startOf(frame.node, 0));
      const key = this.keyText(pair.key, keyAt, frame.path);
      if (key === null) continue;
      const path = appendPath(frame.path, key);
      const first = seen.get(key);
      if (first !== undefined) {
        this.report.atOffset(
          'CQ1003',
          keyAt,
          `the key '${key}' appears twice in this mapping (first on line ${this.report.lineOf(first)}); keep one of them.`,
          path,
        );
        continue;
      }
      seen.set(key, keyAt);
      const child = {
        node: pair.value,
        path,
        depth: frame.depth + 1,
        put: (v: unknown) => (out[key] = v),
        ancestry,
        aliased: frame.aliased,
      };
      children.push([child, keyAt]);
    }
    // Pushed last to first so that they are converted in document order.
    for (let i = children.length - 1; i >= 0; i--) this.push(...(children[i] as [Frame, number]));
  }

  private sequence(items: readonly unknown[], frame: Frame, ancestry: Ancestry): void {
    const out: unknown[] = new Array<unknown>(items.length).fill(null);
    frame.put(out);
    for (let i = items.length - 1; i >= 0; i--) {
      this.push(
        {
          node: items[i],
          path: appendPath(frame.path, i),
          depth: frame.depth + 1,
          put: (v) => (out[i] = v),
          ancestry,
          aliased: frame.aliased,
        },
        null,
      );
    }
  }

  /** A mapping key as text, or null (reported) when it cannot be one. */
  private keyText(key: unknown, at: number, parent: string): string | null {
    if (!isScalar(key)) {
      this.report.atOffset('CQ1103', at, 'a key must be a plain word, not a list, a mapping or an alias.', parent);
      return null;
    }
    const text = key.value === null || key.value === undefined ? '' : String(key.value);
    if (FORBIDDEN_KEYS.has(text)) {
      this.report.atOffset(
        'CQ1006',
        at,
        `'${text}' cannot be a key: it names a JavaScript built-in. Remove it.`,
        appendPath(parent, text),
      );
      return null;
    }
    return text;
  }

  private fail(code: 'CQ1004' | 'CQ1005', frame: Frame, message: string): false {
    this.report.atOffset(code, startOf(frame.node, 0), message, frame.path);
    return false;
  }
}

/** Scalars become JSON-like values; anything exotic a tag produced becomes its text. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

/**
 * The document's data as plain objects (with no prototype) and arrays, or null when it cannot be
 * read safely (reported: CQ1004, CQ1005, CQ1007). Iterative, so depth never touches the call stack.
 */
export function documentToData(doc: Document, report: Reporter): { data: unknown } | null {
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    report.atOffset(
      'CQ1007',
      0,
      'the file is empty; a scenario starts with `format: chaos-quest/1`, then `id:`, `title:` and the rest.',
    );
    return null;
  }
  if (!isMap(root)) {
    report.atOffset(
      'CQ1007',
      startOf(root, 0),
      `the top level is ${isSeq(root) ? 'a list' : 'a single value'}; a scenario is a mapping of keys such as \`format:\`, \`id:\` and \`scenes:\`.`,
    );
    return null;
  }
  const targets = resolveAliases(root, report);
  return targets && new Converter(report, targets).run(root);
}
