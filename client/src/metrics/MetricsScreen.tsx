import { useEffect, useMemo, useState } from 'react';
import type { IncidentRecord, MetricsFilter } from '@chaos-quest/engine';
import { matches, metrics } from '@chaos-quest/engine/src/metrics/metrics.ts';
import { messageOf, requestJson } from '../api/http.ts';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Panel } from '../ui/Panel.tsx';
import { FigureTable } from './FigureTable.tsx';
import { IncidentList } from './IncidentList.tsx';
import { MetricsFilters, type Filters } from './MetricsFilters.tsx';
import { TrendChart } from './TrendChart.tsx';
import { FIGURE_ANCHORS, trendSeries, type ClockKind, type FigureKey } from './trend-series.ts';

type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; records: IncidentRecord[] };

function toFilter(f: Filters): MetricsFilter {
  return { ...(f.team ? { team: f.team } : {}), ...(f.scenario ? { scenario: f.scenario } : {}), ...(f.service ? { service: f.service } : {}) };
}

function csvHref(f: Filters): string {
  const query = new URLSearchParams(Object.entries(toFilter(f)) as [string, string][]).toString();
  return `/api/metrics.csv${query ? `?${query}` : ''}`;
}

/** How the team's practice incidents trend: the mean-time figures, charts over time, the list. */
export function MetricsScreen() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [filters, setFilters] = useState<Filters>({ team: '', scenario: '', service: '' });
  const [clock, setClock] = useState<ClockKind>('wall');
  useEffect(() => {
    let live = true;
    requestJson<IncidentRecord[]>('/api/incidents').then(
      (records) => live && setLoaded({ state: 'ready', records }),
      (e: unknown) => live && setLoaded({ state: 'failed', message: messageOf(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  const records = loaded.state === 'ready' ? loaded.records : [];
  const chosen = useMemo(() => records.filter((r) => matches(r, toFilter(filters))), [records, filters]);
  const figures = useMemo(() => metrics(chosen), [chosen]);
  return (
    <main className="page metrics">
      <div className="page-head">
        <h1>Practice metrics</h1>
        <a className="button" href={csvHref(filters)} download="chaos-quest-metrics.csv">
          <Icon name="download" size={16} /> Download CSV
        </a>
      </div>
      {loaded.state === 'loading' ? <p className="loading">Loading practice incidents…</p> : null}
      {loaded.state === 'failed' ? <FieldError message={`Could not load the practice incidents: ${loaded.message}`} /> : null}
      <MetricsFilters records={records} filters={filters} clock={clock} onFilters={setFilters} onClock={setClock} />
      <p className="metrics-count">
        {figures.incidents} practice incident{figures.incidents === 1 ? '' : 's'} · {figures.falseAlarms} false alarm{figures.falseAlarms === 1 ? '' : 's'}
        {Object.entries(figures.outcomes).map(([o, n]) => ` · ${n} ${o}`)}
      </p>
      <Panel title="Mean times" icon="clock">
        <FigureTable metrics={figures} />
      </Panel>
      <Panel title="Trends" icon="chart">
        <div className="trend-grid">
          {(Object.keys(FIGURE_ANCHORS) as FigureKey[]).map((key) => (
            <TrendChart key={key} title={FIGURE_ANCHORS[key].label} points={trendSeries(chosen, key, clock)} clock={clock} />
          ))}
        </div>
      </Panel>
      <Panel title="Practice incidents" icon="list">
        <IncidentList records={chosen} />
      </Panel>
    </main>
  );
}
