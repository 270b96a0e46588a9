import { useId, useState } from 'react';
import { messageOf } from '../api/http.ts';
import { FieldError } from '../ui/FieldError.tsx';
import { uploadIncidents, type ImportSummary } from './upload-incidents.ts';

const FORMATS: [string, string][] = [
  ['', 'Detect from the header'],
  ['generic', 'Generic CSV'],
  ['pagerduty', 'PagerDuty incident export'],
  ['opsgenie', 'Opsgenie alert or incident export'],
];

/** Uploads a CSV of real incidents and says what happened to every row; `onImported` reloads the figures. */
export function ImportPanel({ onImported }: { onImported(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const fileId = useId();
  const formatId = useId();
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setSummary(null);
    try {
      setSummary(await uploadIncidents(await file.text(), format));
      onImported();
    } catch (e) {
      setError(`Import failed: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="import-panel">
      <p className="figure-note">
        A generic CSV (service, title, severity, team, started, detected, acknowledged, mitigated, resolved,
        detected_by) or a PagerDuty or Opsgenie CSV export. Importing the same file again adds nothing.
      </p>
      <form
        className="import-form"
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <span className="field">
          <label htmlFor={fileId}>Incident CSV</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </span>
        <span className="field small-field">
          <label htmlFor={formatId}>Format</label>
          <select id={formatId} value={format} onChange={(e) => setFormat(e.target.value)}>
            {FORMATS.map(([v, text]) => (
              <option key={v} value={v}>
                {text}
              </option>
            ))}
          </select>
        </span>
        <button type="submit" className="button" disabled={!file || busy}>
          {busy ? 'Importing…' : 'Import incidents'}
        </button>
      </form>
      <FieldError message={error} />
      {summary ? (
        <div className="import-summary" role="status">
          <p>
            {summary.label}: {summary.added} new, {summary.alreadyImported} already imported, {summary.rejectedCount}{' '}
            row
            {summary.rejectedCount === 1 ? '' : 's'} skipped.
          </p>
          {summary.rejected.length > 0 ? (
            <ul className="import-rejected">
              {summary.rejected.map((r) => (
                <li key={r.row}>
                  Line {r.row}: {r.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
