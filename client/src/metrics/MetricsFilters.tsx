import { useId } from 'react';
import type { PublishedRecord, RealIncident } from '@chaos-quest/engine';

export interface Filters {
  team: string;
  scenario: string;
  service: string;
}

interface Props {
  records: readonly PublishedRecord[];
  real: readonly RealIncident[];
  filters: Filters;
  onFilters(filters: Filters): void;
}

function Choice({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: [string, string][];
  onChange(v: string): void;
}) {
  const id = useId();
  return (
    <span className="field small-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Narrow the figures by team, scenario (practice only) or service. */
export function MetricsFilters({ records, real, filters, onFilters }: Props) {
  const teams = [...new Set([...records, ...real].map((r) => r.team).filter((t): t is string => t !== null))].sort();
  const scenarios = [...new Map(records.map((r) => [r.scenario.id, r.scenario.title])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const services = [...new Set([...records.flatMap((r) => r.services), ...real.map((r) => r.service)])].sort();
  return (
    <form className="metrics-filters" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
      <Choice
        label="Team"
        value={filters.team}
        options={teams.map((t) => [t, t])}
        onChange={(team) => onFilters({ ...filters, team })}
      />
      <Choice
        label="Scenario"
        value={filters.scenario}
        options={scenarios}
        onChange={(scenario) => onFilters({ ...filters, scenario })}
      />
      <Choice
        label="Service"
        value={filters.service}
        options={services.map((s) => [s, s])}
        onChange={(service) => onFilters({ ...filters, service })}
      />
    </form>
  );
}
