import { useEffect, useMemo, useState } from 'react';
import type { PublishedRecord, MetricsFilter, RealIncident } from '@chaos-quest/engine';
import { compareMetrics, FIGURE_DEFINITIONS, matches } from '@chaos-quest/engine/client';
import { downloadFile } from '../api/download.ts';
import { HttpError, messageOf, requestJson } from '../api/http.ts';
import { AdminKeyField } from '../ui/AdminKeyField.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Panel } from '../ui/Panel.tsx';
import { AwarenessTable } from './AwarenessTable.tsx';
import { FigureLegend } from './FigureLegend.tsx';
import { FigureTable } from './FigureTable.tsx';
import { GroupTable } from './GroupTable.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { ObjectiveTrendTable } from '../evaluation/ObjectiveTrendTable.tsx';
import { IncidentList } from './IncidentList.tsx';
import { MetricsFilters, type Filters } from './MetricsFilters.tsx';
import { MtbfTable } from './MtbfTable.tsx';
import { TrendChart } from './TrendChart.tsx';
import { FIGURE_ANCHORS, trendSeries, type ClockKind, type FigureKey } from './trend-series.ts';
import './metrics.css';

type Loaded =
  | { state: 'loading' }
  | { state: 'failed'; message: string; needsKey: boolean }
  | { state: 'ready'; records: PublishedRecord[]; real: RealIncident[] };

function toFilter(f: Filters): MetricsFilter {
  return {
    ...(f.team ? { team: f.team } : {}),
    ...(f.scenario ? { scenario: f.scenario } : {}),
    ...(f.service ? { service: f.service } : {}),
  };
}

function csvPath(f: Filters): string {
  const query = new URLSearchParams(Object.entries(toFilter(f)) as [string, string][]).toString();
  return `/api/metrics.csv${query ? `?${query}` : ''}`;
}

/** A figure defined on the wall clock (MTTA: a person answering a page) is charted on it whatever the toggle says. */
const chartClock = (key: FigureKey, chosen: ClockKind): ClockKind =>
  FIGURE_DEFINITIONS[key].clock === 'wall' ? 'wall' : chosen;

/** What a team can learn: practice beside real incidents, every figure with its definition, MTBF, who noticed first, trends. */
export function MetricsScreen() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [filters, setFilters] = useState<Filters>({ team: '', scenario: '', service: '' });
  const [clock, setClock] = useState<ClockKind>('game');
  const [groupBy, setGroupBy] = useState<'service' | 'team'>('service');
  const [attempt, setAttempt] = useState(0);
  const [csvError, setCsvError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([
      requestJson<PublishedRecord[]>('/api/incidents', { admin: true }),
      requestJson<RealIncident[]>('/api/real-incidents', { admin: true }),
    ]).then(
      ([records, real]) => live && setLoaded({ state: 'ready', records, real }),
      (e: unknown) =>
        live &&
        setLoaded({ state: 'failed', message: messageOf(e), needsKey: e instanceof HttpError && e.status === 401 }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const downloadCsv = () => {
    setCsvError(null);
    downloadFile(csvPath(filters), { admin: true }, 'chaos-quest-metrics.csv').catch((e: unknown) =>
      setCsvError(`Download failed: ${messageOf(e)}`),
    );
  };
  const records = loaded.state === 'ready' ? loaded.records : [];
  const real = loaded.state === 'ready' ? loaded.real : [];
  const filter = useMemo(() => toFilter(filters), [filters]);
  const chosen = useMemo(() => records.filter((r) => matches(r, filter)), [records, filter]);
  const comparison = useMemo(() => compareMetrics(records, real, filter, Date.now()), [records, real, filter]);
  const { practice } = comparison;
  return (
    <main className="page metrics">
      <div className="page-head">
        <h1>Metrics</h1>
        <span className="command">
          <button type="button" className="button" onClick={downloadCsv}>
            <Icon name="download" size={16} /> Download CSV
          </button>
          <FieldError message={csvError} />
        </span>
      </div>
      {loaded.state === 'loading' ? <p className="loading">Loading incidents…</p> : null}
      {loaded.state === 'failed' ? <FieldError message={`Could not load the incidents: ${loaded.message}`} /> : null}
      {loaded.state === 'failed' && loaded.needsKey ? <AdminKeyField onSaved={() => setAttempt(attempt + 1)} /> : null}
      <MetricsFilters
        records={records}
        real={real}
        filters={filters}
        clock={clock}
        onFilters={setFilters}
        onClock={setClock}
      />
      <p className="metrics-count">
        {practice.runs} practice incident{practice.runs === 1 ? '' : 's'} · {comparison.real.incidents} real incident
        {comparison.real.incidents === 1 ? '' : 's'} · {practice.falseAlarms} false alarm
        {practice.falseAlarms === 1 ? '' : 's'}
        {Object.entries(practice.outcomes).map(([o, n]) => ` · ${n} ${o}`)}
      </p>
      <Panel title="Practice and real, side by side" icon="clock">
        <FigureTable comparison={comparison} />
        <p className="figure-note">
          “Reached” is n of N: the runs that reached the milestone out of all runs. Median, p90 and mean are over those
          n only. Hover a figure, or read below, for what it measures.
        </p>
      </Panel>
      <Panel title="What each figure means" icon="list">
        <FigureLegend />
      </Panel>
      <Panel title={groupBy === 'service' ? 'Per service' : 'Per team'} icon="list">
        <fieldset className="segmented">
          <legend>Group by</legend>
          {(['service', 'team'] as const).map((g) => (
            <label key={g} className={groupBy === g ? 'on' : ''}>
              <input type="radio" name="group-by" value={g} checked={groupBy === g} onChange={() => setGroupBy(g)} />
              {g === 'service' ? 'By service' : 'By team'}
            </label>
          ))}
        </fieldset>
        <GroupTable comparison={comparison} by={groupBy} />
      </Panel>
      <Panel title="Who noticed first" icon="eye">
        <AwarenessTable comparison={comparison} />
      </Panel>
      <Panel title="Mean time between failures" icon="clock">
        <MtbfTable mtbf={comparison.mtbf} />
      </Panel>
      <Panel title="Import real incidents" icon="download">
        <ImportPanel onImported={() => setAttempt((n) => n + 1)} />
      </Panel>
      <Panel title="Trends" icon="chart">
        <div className="trend-grid">
          {(Object.keys(FIGURE_ANCHORS) as FigureKey[]).map((key) => (
            <TrendChart
              key={key}
              title={FIGURE_ANCHORS[key].label}
              points={trendSeries(chosen, key, chartClock(key, clock))}
              clock={chartClock(key, clock)}
            />
          ))}
        </div>
      </Panel>
      <Panel title="Exercise objectives across game days" icon="flag">
        <ObjectiveTrendTable team={filters.team} />
      </Panel>
      <Panel title="Practice incidents" icon="list">
        <IncidentList records={chosen} />
      </Panel>
    </main>
  );
}
