import { z } from 'zod';
import { conditionSchema, scenarioSchema } from './schema.ts';

/**
 * `scenarios/schema.json`, generated from the zod schema (the source of truth) as JSON Schema
 * draft-07, which editors' YAML plugins understand. `io: 'input'` describes the file as written:
 * keys with defaults are optional.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const names = z.registry<{ id: string; title: string; description: string }>();
  names.add(conditionSchema, {
    id: 'condition',
    title: 'Condition',
    description:
      'A condition as data: one of flag, not, all, any, visited, time_at_least, role_present; format 1.1 adds counter (with at_least/at_most), milestone, minutes_since, deadline, parameter.',
  });
  const generated = z.toJSONSchema(scenarioSchema, { target: 'draft-7', io: 'input', metadata: names });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'Chaos Quest scenario (format chaos-quest/1 and chaos-quest/1.1)',
    description:
      'A tabletop incident-response scenario: roles with secrets, a system diagram, a fault, scenes with choices and dice checks, and endings. Check a file with `npx chaos-quest validate <file>`.',
    ...rest,
  };
}

/** The file's exact text: two-space JSON with a final newline, so regenerating never churns. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
