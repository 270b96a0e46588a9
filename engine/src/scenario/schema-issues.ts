import type { z } from 'zod';
import { didYouMean } from './did-you-mean.ts';
import { formatPath, type PathSegment } from './path.ts';
import type { Reporter } from './reporter.ts';
import { describeAll, keysAt, schemasAt } from './schema-walk.ts';

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

/** What the reader is told a zod `expected` type means. */
const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

const isMapping = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function valueAt(data: unknown, path: readonly PathSegment[]): { present: boolean; value: unknown } {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number' && segment < value.length) value = value[segment];
    else if (isMapping(value) && typeof segment === 'string' && Object.hasOwn(value, segment)) value = value[segment];
    else return { present: false, value: undefined };
  }
  return { present: true, value };
}

/** A value as a message names it: `'five'`, `2.5`, `a list`. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function sizeMessage(issue: Issue & { code: 'too_small' | 'too_big' }, value: unknown): string {
  const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const small = issue.code === 'too_small';
  if (typeof value === 'string') {
    if (small && limit === 1) return 'must not be empty; write some text.';
    return `is ${plural(value.length, 'character')} long; ${small ? 'the minimum' : 'the limit'} is ${limit}.`;
  }
  if (Array.isArray(value))
    return `has ${plural(value.length, 'item')}; ${small ? 'it needs at least' : 'it may have at most'} ${limit}.`;
  return `${show(value)} is ${small ? 'below the minimum' : 'above the maximum'} of ${limit}.`;
}

/**
 * Reports zod's issues as diagnostics that name the offending value and say what to do: unknown
 * keys (CQ1101, with a suggestion), missing keys (CQ1102) and bad values (CQ1103).
 */
export function reportSchemaIssues(
  root: Schema,
  issues: readonly Issue[],
  data: unknown,
  report: Reporter,
  base: readonly PathSegment[] = [],
): void {
  for (const issue of issues) {
    if (report.saturated) {
      report.drop(issue.code === 'unrecognized_keys' ? issue.keys.length : 1);
      continue;
    }
    const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    const { present, value } = valueAt(data, path);
    if (!present && issue.code !== 'unrecognized_keys') {
      missingKey(root, path, report);
      continue;
    }
    switch (issue.code) {
      case 'unrecognized_keys':
        unknownKeys(root, path, issue.keys, report);
        break;
      case 'invalid_type':
        report.at('CQ1103', path, `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${show(value)}.`);
        break;
      case 'invalid_value': {
        const options = issue.values.map(String);
        const listed = options.length === 1 ? `'${options[0]}'` : `one of ${options.join(', ')}`;
        report.at(
          'CQ1103',
          path,
          `${show(value)} is not ${listed}.${typeof value === 'string' ? didYouMean(value, options) : ''}`,
        );
        break;
      }
      case 'invalid_format':
        report.at('CQ1103', path, `${show(value)} is not valid here: ${issue.message}.`);
        break;
      case 'too_small':
      case 'too_big':
        report.at('CQ1103', path, sizeMessage(issue, value));
        break;
      case 'invalid_union':
        union(root, issue.errors, path, value, data, report);
        break;
      case 'invalid_key':
        report.at(
          'CQ1103',
          path,
          `'${String(path[path.length - 1])}' cannot be a key here: ${issue.issues[0]?.message ?? 'it is not valid'}.`,
          'key',
        );
        break;
      default:
        report.at('CQ1103', path, `${issue.message}.`);
    }
  }
}

function missingKey(root: Schema, path: readonly PathSegment[], report: Reporter): void {
  const parent = formatPath(path.slice(0, -1)) || 'the top level';
  report.at(
    'CQ1102',
    path,
    `missing required key '${String(path[path.length - 1])}' (${describeAll(schemasAt(root, path))}); add it to ${parent}.`,
    'parent',
  );
}

function unknownKeys(root: Schema, path: readonly PathSegment[], keys: readonly string[], report: Reporter): void {
  for (const [k, key] of keys.entries()) {
    if (report.saturated) return report.drop(keys.length - k);
    unknownKey(root, path, key, report);
  }
}

function unknownKey(root: Schema, path: readonly PathSegment[], key: string, report: Reporter): void {
  const allowed = keysAt(root, path);
  const hint = didYouMean(key, allowed);
  report.at(
    'CQ1101',
    [...path, key],
    `unknown key '${key}'.${hint || ` Keys allowed here: ${allowed.join(', ')}.`}`,
    'key',
  );
}

/**
 * Whether a union branch failed only inside the value (so the value has that branch's shape),
 * rather than on the value's type or on a key it lacks or should not have.
 */
function fits(branch: readonly Issue[], path: readonly PathSegment[], data: unknown): boolean {
  return (
    branch.length > 0 &&
    branch.every(
      (i) => i.path.length > 0 && (i.path.length > 1 || valueAt(data, [...path, i.path[0] as PathSegment]).present),
    )
  );
}

/**
 * A value matched none of a union's shapes. Unknown keys are reported as such; otherwise the
 * shape the value fits explains what is wrong inside it; otherwise the shapes are listed.
 * Conditions are the union of one-key mappings this is mostly for.
 */
function union(
  root: Schema,
  branches: readonly (readonly Issue[])[],
  path: PathSegment[],
  value: unknown,
  data: unknown,
  report: Reporter,
): void {
  const options = schemasAt(root, path);
  const mappings = isMapping(value) && options.length > 0 && options.every((o) => keysAt(o, []).length > 0);
  const allowed = keysAt(root, path);
  if (mappings) {
    const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
    unknownKeys(root, path, unknown, report);
    if (unknown.length > 0) return;
  }
  const best = branches.filter((b) => fits(b, path, data)).sort((a, b) => a.length - b.length)[0];
  if (best) reportSchemaIssues(root, best, data, report, path);
  else if (mappings) {
    const keys = Object.keys(value);
    const got = keys.length === 0 ? 'it has none' : `it has ${keys.join(' and ')}`;
    const combine = allowed.includes('all') ? ' Combine several with `all: [...]` or `any: [...]`.' : '';
    // A shape with bounds beside its key (`{ counter, at_least }`) is named by its first key.
    const leading = [...new Set(options.map((o) => keysAt(o, [])[0]))].join(', ');
    report.at('CQ1103', path, `use exactly one of the keys ${leading}; ${got}.${combine}`);
  } else report.at('CQ1103', path, `expected ${describeAll(options)}, got ${show(value)}.`);
}
