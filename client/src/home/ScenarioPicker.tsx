import type { ScenarioSummary } from '@chaos-quest/engine';
import { Icon } from '../ui/Icon.tsx';

interface Props {
  scenarios: readonly ScenarioSummary[];
  selected: string | null;
  onSelect(id: string): void;
}

function Validity({ scenario }: { scenario: ScenarioSummary }) {
  const errors = scenario.diagnostics.filter((d) => d.severity === 'error');
  const warnings = scenario.diagnostics.filter((d) => d.severity === 'warning');
  if (scenario.valid) {
    return (
      <span className="validity ok">
        <Icon name="check" size={14} /> Valid
        {warnings.length ? ` · ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}
      </span>
    );
  }
  return (
    <span className="validity bad">
      <Icon name="cross" size={14} /> {errors.length} error{errors.length === 1 ? '' : 's'}: cannot be played
    </span>
  );
}

/** The scenario library as cards to choose from, each with what a facilitator needs to decide. */
export function ScenarioPicker({ scenarios, selected, onSelect }: Props) {
  return (
    <fieldset className="scenario-picker">
      <legend>Scenario</legend>
      {scenarios.map((s) => (
        <label
          key={s.id}
          className={`scenario-card ${selected === s.id ? 'selected' : ''} ${s.valid ? '' : 'invalid'}`}
        >
          <input
            type="radio"
            name="scenario"
            value={s.id}
            checked={selected === s.id}
            disabled={!s.valid}
            onChange={() => onSelect(s.id)}
          />
          <span className="scenario-body">
            <span className="scenario-title">{s.title ?? s.id}</span>
            {s.summary ? <span className="scenario-summary">{s.summary}</span> : null}
            <span className="scenario-facts">
              {s.difficulty ? <span className={`difficulty difficulty-${s.difficulty}`}>{s.difficulty}</span> : null}
              {s.duration !== null ? (
                <span>
                  <Icon name="clock" size={14} /> {s.duration} min
                </span>
              ) : null}
              <span>
                <Icon name="user" size={14} /> {s.roles.length} role{s.roles.length === 1 ? '' : 's'}
              </span>
              <Validity scenario={s} />
            </span>
            {s.roles.length ? <span className="scenario-roles">{s.roles.map((r) => r.name).join(' · ')}</span> : null}
            {s.valid ? null : (
              <ul className="diagnostics">
                {s.diagnostics.slice(0, 3).map((d) => (
                  <li key={`${d.line}:${d.col}:${d.code}`}>
                    <code>
                      {d.file}:{d.line}:{d.col} {d.code}
                    </code>{' '}
                    {d.message}
                  </li>
                ))}
              </ul>
            )}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
