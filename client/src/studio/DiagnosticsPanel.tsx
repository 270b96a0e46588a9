import { formatDiagnostic, type Diagnostic } from '@chaos-quest/engine';

/**
 * The file's problems, as chaos-quest validate reports them: the quick checks as the author types,
 * then the deep ones from the worker (`checks` and `deepChecks` count the passes, for the tests).
 */
export function DiagnosticsPanel({
  diagnostics,
  checks,
  deepChecks,
  deepPending,
  onPick,
}: {
  diagnostics: readonly Diagnostic[];
  checks: number;
  deepChecks: number;
  deepPending: boolean;
  onPick: (diagnostic: Diagnostic) => void;
}) {
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errorCount;
  return (
    <section className="studio-diagnostics" aria-label="Diagnostics" data-checks={checks} data-deep-checks={deepChecks}>
      <h3 aria-live="polite">
        {diagnostics.length === 0
          ? 'No problems'
          : `${errorCount} error${errorCount === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`}
      </h3>
      <p className="studio-hint studio-deep">
        {deepPending ? 'Exploring the states the story can reach…' : 'Checked as chaos-quest validate does.'}
      </p>
      <ul>
        {diagnostics.map((d, i) => (
          <li key={i} className={d.severity}>
            <button type="button" className="studio-diagnostic" onClick={() => onPick(d)}>
              {formatDiagnostic(d)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
