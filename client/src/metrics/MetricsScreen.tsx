import { useEffect, useMemo, useState } from 'react';
import type { PublishedRecord, MetricsFilter } from '@chaos-quest/engine';
import { matches, metrics } from '@chaos-quest/engine/client';
import { downloadFile } from '../api/download.ts';
import { HttpError, messageOf, requestJson } from '../api/http.ts';
import { AdminKeyField } from '../ui/AdminKeyField.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Panel } from '../ui/Panel.tsx';
import { FigureTable } from './FigureTable.tsx';
import { IncidentList } from './IncidentList.tsx';
import { MetricsFilters, type Filters } from './MetricsFilters.tsx';
import { MtbfTable } from './MtbfTable.tsx';
import { TrendChart } from './TrendChart.tsx';
import { FIGURE_ANCHORS, trendSeries, type ClockKind, type FigureKey } from './trend-series.ts';

type Loaded = { state: 'loading' } | { state: 'failed'; message: string; needsKey: boolean } | { state: 'ready'; records: PublishedRecord[] };

function toFilter(f: Filters): MetricsFilter {
  return { ...(f.team ? { team: f.team } : {}), ...(f.scenario ? { scenario: f.scenario } : {}), ...(f.service ? { service: f.service } : {}) };
}

function csvPath(f: Filters): string {
  const query = new URLSearchParams(Object.entries(toFilter(f)) as [string, string][]).toString();
  return `/api/metrics.csv${query ? `?${query}` : ''}`;
}

/** How the team's practice incidents trend: the mean-time figures, charts over time, the list. */
export function MetricsScreen() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [filters, setFilters] = useState<Filters>({ team: '', scenario: '', service: '' });
  const [clock, setClock] = useState<ClockKind>('wall');
  const [attempt, setAttempt] = useState(0);
  const [csvError, setCsvError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    requestJson<PublishedRecord[]>('/api/incidents', { admin: true }).then(
      (records) => live && setLoaded({ state: 'ready', records }),
      (e: unknown) => live && setLoaded({ state: 'failed', message: messageOf(e), needsKey: e instanceof HttpError && e.status === 401 }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const downloadCsv = () => {
    setCsvError(null);
    downloadFile(csvPath(filters), { admin: true }, 'chaos-quest-metrics.csv').catch((e: unknown) => setCsvError(`Download failed: ${messageOf(e)}`));
  };
  const records = loaded.state === 'ready' ? loaded.records : [];
  const chosen = useMemo(() => records.filter((r) => matches(r, toFilter(filters))), [records, filters]);
  const figures = useMemo(() => metrics(chosen), [chosen]);
  return (
    <main className="page metrics">
      <div className="page-head">
        <h1>Practice metrics</h1>
        <span className="command">
          <button type="button" className="button" onClick={downloadCsv}>
            <Icon name="download" size={16} /> Download CSV
          </button>
          <FieldError message={csvError} />
        </span>
      </div>
      {loaded.state === 'loading' ? <p className="loading">Loading practice incidents…</p> : null}
      {loaded.state === 'failed' ? <FieldError message={`Could not load the practice incidents: ${loaded.message}`} /> : null}
      {loaded.state === 'failed' && loaded.needsKey ? <AdminKeyField onSaved={() => setAttempt(attempt + 1)} /> : null}
      <MetricsFilters records={records} filters={filters} clock={clock} onFilters={setFilters} onClock={setClock} />
      <p className="metrics-count">
        {figures.incidents} practice incident{figures.incidents === 1 ? '' : 's'} · {figures.falseAlarms} false alarm{figures.falseAlarms === 1 ? '' : 's'}
        {Object.entries(figures.outcomes).map(([o, n]) => ` · ${n} ${o}`)}
      </p>
      <Panel title="Mean times" icon="clock">
        <FigureTable metrics={figures} />
      </Panel>
      <Panel title="Mean time between failures" icon="clock">
        <MtbfTable metrics={figures} />
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
