import { useEffect, useMemo, useState } from 'react';
import type { PublishedRecord, MetricsFilter, RealIncident, RunAnnotation } from '@chaos-quest/engine';
import { compareMetrics, matches } from '@chaos-quest/engine/client';
import { downloadFile } from '../api/download.ts';
import { HttpError, messageOf, requestJson } from '../api/http.ts';
import { AdminKeyField } from '../ui/AdminKeyField.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Panel } from '../ui/Panel.tsx';
import { AwarenessTable } from './AwarenessTable.tsx';
import { ExcludedNote } from './ExcludedNote.tsx';
import { FigureLegend } from './FigureLegend.tsx';
import { FigureTable } from './FigureTable.tsx';
import { GroupTable } from './GroupTable.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { ObjectiveTrendTable } from '../evaluation/ObjectiveTrendTable.tsx';
import { MetricsFilters, type Filters } from './MetricsFilters.tsx';
import { MtbfTable } from './MtbfTable.tsx';
import { RunList } from './RunList.tsx';
import Trends from './Trends.tsx';
import './metrics.css';

type Loaded =
  | { state: 'loading' }
  | { state: 'failed'; message: string; needsKey: boolean }
  | { state: 'ready'; records: PublishedRecord[]; real: RealIncident[]; annotations: RunAnnotation[] };

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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const NONE: never[] = [];

/** What a team can learn: practice beside real incidents, every figure with its definition, MTBF, who noticed first, trends. */
export function MetricsScreen() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [filters, setFilters] = useState<Filters>({ team: '', scenario: '', service: '' });
  const [groupBy, setGroupBy] = useState<'service' | 'team'>('service');
  const [attempt, setAttempt] = useState(0);
  const [csvError, setCsvError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([
      requestJson<PublishedRecord[]>('/api/incidents', { admin: true }),
      requestJson<RealIncident[]>('/api/real-incidents', { admin: true }),
      requestJson<RunAnnotation[]>('/api/run-annotations', { admin: true }),
    ]).then(
      ([records, real, annotations]) => live && setLoaded({ state: 'ready', records, real, annotations }),
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
  const ready = loaded.state === 'ready' ? loaded : null;
  const records = ready?.records ?? NONE;
  const real = ready?.real ?? NONE;
  const annotations = ready?.annotations ?? NONE;
  const annotated = (saved: RunAnnotation) =>
    setLoaded((l) =>
      l.state === 'ready'
        ? { ...l, annotations: [...l.annotations.filter((a) => a.sessionId !== saved.sessionId), saved] }
        : l,
    );
  const filter = useMemo(() => toFilter(filters), [filters]);
  const chosen = useMemo(() => records.filter((r) => matches(r, filter)), [records, filter]);
  const bySession = useMemo(() => new Map(annotations.map((a) => [a.sessionId, a])), [annotations]);
  const comparison = useMemo(
    () => compareMetrics(records, real, filter, Date.now(), annotations),
    [records, real, filter, annotations],
  );
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
      <MetricsFilters records={records} real={real} filters={filters} onFilters={setFilters} />
      <p className="metrics-count">
        {plural(practice.runs, 'practice incident')}
        {practice.excluded.length ? ` (${practice.excluded.length} more left out)` : ''} ·{' '}
        {plural(comparison.real.incidents, 'real incident')} · {plural(practice.falseAlarms, 'false alarm')}
        {Object.entries(practice.outcomes).map(([o, n]) => ` · ${n} ${o}`)}
      </p>
      <Panel title="Practice and real, side by side" icon="clock">
        <FigureTable comparison={comparison} />
        <ExcludedNote excluded={practice.excluded} records={chosen} />
        <p className="figure-note">
          “Reached” is n of N: the runs that reached the milestone out of all runs counted. Median, p90 and mean are
          over those n only. Game-clock figures measure the team; wall-clock ones (in italics) measure people and the
          session. Hover a figure, or read below, for what it measures.
        </p>
      </Panel>
      <Panel title="What each figure means" icon="list">
        <FigureLegend />
      </Panel>
      <Panel title="Who noticed first" icon="eye">
        <AwarenessTable comparison={comparison} />
      </Panel>
      <Panel title="Trends per team, per scenario" icon="chart">
        <Trends records={records} filter={filter} annotations={annotations} />
      </Panel>
      <Panel title="Practice runs" icon="list">
        <RunList records={chosen} annotations={bySession} onAnnotated={annotated} />
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
      <Panel title="Mean time between failures" icon="clock">
        <MtbfTable mtbf={comparison.mtbf} />
      </Panel>
      <Panel title="Import real incidents" icon="download">
        <ImportPanel onImported={() => setAttempt((n) => n + 1)} />
      </Panel>
      <Panel title="Exercise objectives across game days" icon="flag">
        <ObjectiveTrendTable team={filters.team} />
      </Panel>
    </main>
  );
}
