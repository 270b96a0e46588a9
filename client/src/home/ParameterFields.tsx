import type { ScenarioSummary } from '@chaos-quest/engine';

type Parameters = NonNullable<ScenarioSummary['parameters']>;

/** The values with `id` set, or left out when '' (dealt at random). */
function withValue(values: Readonly<Record<string, string>>, id: string, value: string): Record<string, string> {
  const { [id]: _, ...rest } = values;
  return value === '' ? rest : { ...rest, [id]: value };
}

/**
 * One select per session parameter a format 1.1 scenario declares; an unset one plays its first option,
 * or, for one the scenario deals at setup, a seeded random one that only the facilitator's console shows.
 */
export function ParameterFields({
  parameters,
  values,
  onChange,
}: {
  parameters: Parameters;
  values: Readonly<Record<string, string>>;
  onChange: (values: Record<string, string>) => void;
}) {
  return (
    <>
      {parameters.map((p) => (
        <label key={p.id} className="field">
          <span>{p.label}</span>
          <select
            value={values[p.id] ?? (p.dealt ? '' : p.options[0])}
            onChange={(e) => onChange(withValue(values, p.id, e.target.value))}
          >
            {p.dealt ? <option value="">Dealt at random</option> : null}
            {p.options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
      ))}
    </>
  );
}
