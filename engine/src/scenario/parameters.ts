import type { Scenario } from './schema.ts';

/**
 * Why `values` cannot be this scenario's session parameters (an unknown parameter, a value it does
 * not offer, or a 1.0 scenario, which has none), or null when they can. Pure.
 */
export function parametersError(scenario: Scenario, values: Record<string, string>): string | null {
  const declared = scenario.parameters ?? [];
  for (const [id, value] of Object.entries(values)) {
    const parameter = declared.find((p) => p.id === id);
    if (!parameter) {
      const known = declared.map((p) => p.id).join(', ');
      return `'${scenario.id}' has no parameter '${id}'${known ? `; its parameters are ${known}` : ''}.`;
    }
    if (!parameter.options.includes(value))
      return `'${value}' is not an option of '${id}'; choose one of ${parameter.options.join(', ')}.`;
  }
  return null;
}
