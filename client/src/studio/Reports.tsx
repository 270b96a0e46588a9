import type { SimulationReport, TestsReport } from './studio-api.ts';

/** `simulate`'s report as tables: how often each ending was reached, and the scenes no run visited. */
export function SimulationTable({ report }: { report: SimulationReport }) {
  return (
    <section className="studio-report" aria-label="Simulation report">
      <h3>
        Simulation: {report.runs} runs, seed “{report.seed}”, {report.policy} bots
      </h3>
      <table>
        <caption>Endings reached</caption>
        <thead>
          <tr>
            <th scope="col">Ending</th>
            <th scope="col">Outcome</th>
            <th scope="col">Runs</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {report.endings.map((e) => (
            <tr key={e.id} className={e.neverReached ? 'warn' : undefined}>
              <td>{e.id}</td>
              <td>{e.outcome ?? '—'}</td>
              <td>{e.runs}</td>
              <td>{e.neverReached ? 'never reached' : `${e.share}%`}</td>
            </tr>
          ))}
          {report.stuck > 0 ? (
            <tr className="warn">
              <td>stuck</td>
              <td>—</td>
              <td>{report.stuck}</td>
              <td>no ending within the step limit</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <p>
        {report.untested.length === 0
          ? 'Every scene was visited by some run.'
          : `Scenes no run visited: ${report.untested.join(', ')}.`}
      </p>
    </section>
  );
}

/** The file's tests: one row each, a failure with its line (a button that moves the cursor there). */
export function TestsTable({ report, onGoTo }: { report: TestsReport; onGoTo(line: number): void }) {
  return (
    <section className="studio-report" aria-label="Test report">
      <h3>
        Tests: {report.passed} passed, {report.failed} failed
      </h3>
      {report.tests.length === 0 ? <p>This file has no tests yet: play a path and save it as a test.</p> : null}
      {report.diagnostics.length > 0 ? (
        <ul className="studio-diagnostic-list">
          {report.diagnostics.map((d, i) => (
            <li key={i}>
              {d.file}:{d.line}:{d.col} {d.code} {d.message}
            </li>
          ))}
        </ul>
      ) : null}
      {report.tests.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Test</th>
              <th scope="col">Result</th>
              <th scope="col">Where</th>
            </tr>
          </thead>
          <tbody>
            {report.tests.map((t, i) => (
              <tr key={i} className={t.passed ? 'ok' : 'warn'}>
                <td>{t.name}</td>
                <td>{t.passed ? 'passed' : `failed: ${t.message ?? ''}`}</td>
                <td>
                  <button type="button" className="link" onClick={() => onGoTo(t.line)}>
                    {t.file}:{t.line}
                    {t.where ? ` (${t.where})` : ''}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
