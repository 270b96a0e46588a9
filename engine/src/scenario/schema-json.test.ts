import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema.ts';

const checkedIn = new URL('../../../scenarios/schema.json', import.meta.url);

describe('scenarios/schema.json', () => {
  it('matches the zod schema (run `npm run schema` when this fails)', () => {
    expect(readFileSync(checkedIn, 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('is draft-07, strict about keys, and names the condition definition', () => {
    const schema = scenarioJsonSchema() as {
      $schema: string;
      additionalProperties: boolean;
      required: string[];
      definitions: Record<string, unknown>;
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toContain('scenes');
    // `flags` has a default, so a file may leave it out.
    expect(schema.required).not.toContain('flags');
    expect(Object.keys(schema.definitions)).toEqual(['condition']);
  });
});
