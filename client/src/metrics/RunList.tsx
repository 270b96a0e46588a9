import { Fragment, useState } from 'react';
import type { PublishedRecord, RunAnnotation } from '@chaos-quest/engine';
import { practiceDurations } from '@chaos-quest/engine/client';
import { formatRoute } from '../app/route.ts';
import { formatDate } from '../time/format.ts';
import { ScrollTable } from '../ui/ScrollTable.tsx';
import { formatValue } from './format-figure.ts';
import { facilitates } from './run-requests.ts';
import { RunNoteForm } from './RunNoteForm.tsx';
import { ShareRun } from './ShareRun.tsx';

interface Props {
  records: readonly PublishedRecord[];
  annotations: ReadonlyMap<string, RunAnnotation>;
  onAnnotated(annotation: RunAnnotation): void;
}

type Open = { sessionId: string; panel: 'note' | 'share' } | null;

const COLUMNS = ['Date', 'Scenario', 'Team', 'Outcome', 'Reaction', 'Detect', 'Resolve', 'In the figures', 'Debrief'];

function Figures({ annotation }: { annotation: RunAnnotation | undefined }) {
  return (
    <td className={annotation?.excluded ? 'left-out' : undefined} data-label="In the figures">
      {annotation?.excluded ? `Left out: ${annotation.reason ?? ''}` : 'Counted'}
      {annotation?.note ? <small className="run-note">Note: {annotation.note}</small> : null}
    </td>
  );
}

/**
 * The practice runs behind the figures, newest first, each with its game-clock times, whether it
 * counts and why not, and its debrief: open it (this browser's own runs), share it read-only, or
 * annotate the run.
 */
export function RunList({ records, annotations, onAnnotated }: Props) {
  const [open, setOpen] = useState<Open>(null);
  if (records.length === 0) return <p className="empty">No practice runs match.</p>;
  const sorted = [...records].sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
  const toggle = (sessionId: string, panel: 'note' | 'share') =>
    setOpen(open?.sessionId === sessionId && open.panel === panel ? null : { sessionId, panel });
  return (
    <ScrollTable label="Practice runs" className="incident-table run-list">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => {
          const d = practiceDurations(r);
          const annotation = annotations.get(r.sessionId);
          const here = open?.sessionId === r.sessionId ? open.panel : null;
          return (
            <Fragment key={r.sessionId}>
              <tr className={annotation?.excluded ? 'excluded-run' : undefined}>
                <td data-label="Date">{r.startedAt ? formatDate(r.startedAt) : '–'}</td>
                <td data-label="Scenario">{r.scenario.title}</td>
                <td data-label="Team">{r.team ?? '–'}</td>
                <td data-label="Outcome">{r.outcome ?? 'unfinished'}</td>
                <td data-label="Reaction">{formatValue(d.reaction, 'game-minutes')}</td>
                <td data-label="Detect">{formatValue(d.mttd, 'game-minutes')}</td>
                <td data-label="Resolve">{formatValue(d.mttr, 'game-minutes')}</td>
                <Figures annotation={annotation} />
                <td className="run-actions" data-label="Debrief">
                  {facilitates(r.sessionId) ? (
                    <a className="button small" href={formatRoute({ name: 'facilitate', sessionId: r.sessionId })}>
                      Open
                    </a>
                  ) : null}
                  <button
                    type="button"
                    className="button small"
                    aria-expanded={here === 'share'}
                    onClick={() => toggle(r.sessionId, 'share')}
                  >
                    Share
                  </button>
                  <button
                    type="button"
                    className="button small quiet"
                    aria-expanded={here === 'note'}
                    onClick={() => toggle(r.sessionId, 'note')}
                  >
                    Note or leave out
                  </button>
                </td>
              </tr>
              {here ? (
                <tr className="run-panel-row">
                  <td colSpan={COLUMNS.length}>
                    {here === 'note' ? (
                      <RunNoteForm
                        sessionId={r.sessionId}
                        annotation={annotation ?? null}
                        onCancel={() => setOpen(null)}
                        onSaved={(saved) => {
                          onAnnotated(saved);
                          setOpen(null);
                        }}
                      />
                    ) : (
                      <ShareRun sessionId={r.sessionId} onClose={() => setOpen(null)} />
                    )}
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
