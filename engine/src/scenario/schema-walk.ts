import { z } from 'zod';
import type { PathSegment } from './path.ts';

type Schema = z.core.$ZodType;

/** Strips the wrappers that do not change what a value looks like, and spreads unions. */
function expand(schema: Schema): Schema[] {
  const out: Schema[] = [];
  const pending: Schema[] = [schema];
  // A lazy schema can refer to itself (conditions do); each one is expanded once.
  const seen = new Set<Schema>();
  while (pending.length > 0) {
    const s = pending.pop() as Schema;
    if (seen.has(s)) continue;
    seen.add(s);
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable || s instanceof z.ZodLazy)
      pending.push(s.unwrap());
    else if (s instanceof z.ZodUnion) pending.push(...[...s.options].reverse());
    else out.push(s);
  }
  return out;
}

function child(schema: Schema, segment: PathSegment): Schema | undefined {
  if (typeof segment === 'number') return schema instanceof z.ZodArray ? schema.element : undefined;
  if (schema instanceof z.ZodObject) return Object.hasOwn(schema.shape, segment) ? schema.shape[segment] : undefined;
  if (schema instanceof z.ZodRecord) return schema.valueType;
  return undefined;
}

/** Every shape a value at `path` may take (a union gives several). Empty for an unknown path. */
export function schemasAt(root: Schema, path: readonly PathSegment[]): Schema[] {
  let current = expand(root);
  for (const segment of path) {
    current = current.flatMap((s) => {
      const next = child(s, segment);
      return next ? expand(next) : [];
    });
  }
  return current;
}

/** The keys a mapping at `path` may hold, in the schema's order. */
export function keysAt(root: Schema, path: readonly PathSegment[]): string[] {
  const keys = schemasAt(root, path).flatMap((s) => (s instanceof z.ZodObject ? Object.keys(s.shape) : []));
  return [...new Set(keys)];
}

/** How a value of this shape is described to an author: "text", "a list", "one of ok, down". */
export function describeSchema(schema: Schema): string {
  if (schema instanceof z.ZodString) return 'text';
  if (schema instanceof z.ZodNumber) return schema.isInt ? 'a whole number' : 'a number';
  if (schema instanceof z.ZodBoolean) return 'true or false';
  if (schema instanceof z.ZodArray) return `a list of ${plural(describeSchema(schema.element))}`;
  if (schema instanceof z.ZodObject)
    return Object.keys(schema.shape).length === 1 ? `{ ${Object.keys(schema.shape)[0]}: … }` : 'a mapping';
  if (schema instanceof z.ZodRecord) return 'a mapping';
  if (schema instanceof z.ZodEnum) return `one of ${schema.options.join(', ')}`;
  if (schema instanceof z.ZodLiteral) return [...schema.values].map((v) => `'${String(v)}'`).join(' or ');
  return expand(schema).length > 1 || expand(schema)[0] !== schema ? describeAll(expand(schema)) : 'a value';
}

/** Several shapes described as alternatives: "text or a list of texts". */
export function describeAll(schemas: readonly Schema[]): string {
  const described = [...new Set(schemas.map(describeSchema))];
  return described.length <= 1
    ? (described[0] ?? 'a value')
    : `${described.slice(0, -1).join(', ')} or ${described[described.length - 1]}`;
}

function plural(description: string): string {
  if (description === 'text') return 'texts';
  if (description.startsWith('a ')) return `${description.slice(2)}s`;
  return description;
}
