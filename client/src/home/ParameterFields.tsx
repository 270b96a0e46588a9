import type { ScenarioSummary } from '@chaos-quest/engine';

type Parameters = NonNullable<ScenarioSummary['parameters']>;

/** One select per session parameter a format 1.1 scenario declares; an unset one plays its first option. */
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
            value={values[p.id] ?? p.options[0]}
            onChange={(e) => onChange({ ...values, [p.id]: e.target.value })}
          >
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
