import { useEffect, useState } from 'react';
import type { AfterActionReport, ObjectiveReport } from '@chaos-quest/engine';
import { RATING_LABELS } from '@chaos-quest/engine/client';
import { messageOf, requestJson } from '../api/http.ts';
import { recordToken } from './evaluator-seats.ts';
import { sessionPath } from './exercise-api.ts';
import { TableHead } from './TableHead.tsx';
import './report.css';

const rating = (r: ObjectiveReport['rating']) => (r ? `${r}: ${RATING_LABELS[r]}` : 'Not rated');

function Observations({ title, lines, cause }: { title: string; lines: ObjectiveReport['strengths']; cause: boolean }) {
  return (
    <>
      <h4>{title}</h4>
      {lines.length === 0 ? (
        <p className="none">None recorded.</p>
      ) : (
        <ul>
          {lines.map((l, i) => (
            <li key={i}>
              {l.note}{' '}
              <span className="meta">
                ({l.by}, game {l.game}, {l.wall}
                {l.inject ? `; after “${l.inject}”` : ''})
              </span>
              {cause ? <div className="cause">Root cause: {l.rootCause ?? 'not analysed'}</div> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Report({ report }: { report: AfterActionReport }) {
  const f = report.feedback;
  const coveredPci = report.controls.pci.filter((e) => e.coveredBy.length > 0).length;
  return (
    <article className="report">
      <header className="report-head">
        <p className="kicker">After-action report and improvement plan</p>
        <h1>{report.scenario.title}</h1>
        <dl className="overview">
          <dt>Plan under test</dt>
          <dd>{report.plan ? `${report.plan.name}, version ${report.plan.version}` : 'Not named'}</dd>
          <dt>Team</dt>
          <dd>{report.team ?? 'None given'}</dd>
          <dt>Played</dt>
          <dd>
            {report.played.from ?? 'Not started'}
            {report.played.to ? ` to ${report.played.to}` : ''}
          </dd>
          <dt>Outcome</dt>
          <dd>{report.outcome ?? 'Not reached'}</dd>
          <dt>Session</dt>
          <dd className="mono">{report.sessionId}</dd>
          <dt>Status</dt>
          <dd>
            {report.signOff ? `Signed off by ${report.signOff.name}, ${report.signOff.at}` : 'Draft: not signed off'}
          </dd>
        </dl>
      </header>
      <section>
        <h2>Executive summary</h2>
        {report.summary.map((s) => (
          <p key={s}>{s}</p>
        ))}
      </section>
      <section>
        <h2>Objectives, capabilities and ratings</h2>
        <table>
          <TableHead columns={['Objective', 'Capability', 'Rating', 'Critical tasks']} />
          <tbody>
            {report.objectives.map((o) => (
              <tr key={o.id}>
                <td>{o.title}</td>
                <td>{o.capability}</td>
                <td className={`rating rating-${o.rating ?? 'none'}`}>{rating(o.rating)}</td>
                <td>
                  <ul className="compact">
                    {o.tasks.map((t) => (
                      <li key={t.id}>
                        {t.text}{' '}
                        <span className="meta">
                          ({t.status}
                          {t.check ? `: ${t.check}` : ''})
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>Analysis of each objective</h2>
        {report.objectives.map((o) => (
          <div className="objective-analysis" key={o.id}>
            <h3>
              {o.title} <span className={`rating rating-${o.rating ?? 'none'}`}>{rating(o.rating)}</span>
            </h3>
            <ul className="compact">
              {o.ratings.map((r, i) => (
                <li key={i}>
                  {r.by}: <strong>{r.rating}</strong>, {r.reason}
                </li>
              ))}
            </ul>
            <Observations title="Strengths" lines={o.strengths} cause={false} />
            <Observations title="Areas for improvement" lines={o.areas} cause />
          </div>
        ))}
      </section>
      <section>
        <h2>Improvement plan</h2>
        {report.improvementPlan.length === 0 ? (
          <p className="none">No corrective actions were agreed.</p>
        ) : (
          <table className="small-table">
            <TableHead
              columns={[
                'Objective',
                'Issue',
                'Corrective action',
                'Element',
                'Priority',
                'Responsible',
                'Organisation',
                'Start',
                'Due',
              ]}
            />
            <tbody>
              {report.improvementPlan.map((a) => (
                <tr key={a.id}>
                  <td>{a.objectiveTitle ?? 'General'}</td>
                  <td>{a.issue}</td>
                  <td>{a.action}</td>
                  <td>{a.element}</td>
                  <td>{a.priority}</td>
                  <td>{a.owner}</td>
                  <td>{a.organisation}</td>
                  <td className="nowrap">{a.start}</td>
                  <td className="nowrap">{a.due}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h2>Controls exercised</h2>
        <table className="small-table">
          <TableHead columns={['Control', 'Framework', 'Covered by']} />
          <tbody>
            {report.controls.tags.map((t) => (
              <tr key={t.tag}>
                <td className="mono">{t.tag}</td>
                <td>{t.name}</td>
                <td>{t.coveredBy.map((c) => `${c.objective}${c.rating ? ` (${c.rating})` : ''}`).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          {coveredPci} of {report.controls.pci.length} elements of PCI DSS 12.10.1 were exercised.
        </p>
        <ul className="compact">
          {report.controls.pci.map((e) => (
            <li key={e.element} className={e.coveredBy.length ? '' : 'not-covered'}>
              {e.requirement}: {e.coveredBy.join('; ') || 'not covered'}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Hot wash</h2>
        {f.forms === 0 ? (
          <p className="none">No feedback forms were sent.</p>
        ) : (
          <>
            <p>
              {f.forms} forms{f.anonymous ? ', anonymous' : ''}; average rating {f.average} of 5.
            </p>
            <h4>What went well</h4>
            <ul className="compact">
              {f.wentWell.map((w, i) => (
                <li key={i}>
                  {w.text}
                  {w.by ? <span className="meta"> ({w.by})</span> : null}
                </li>
              ))}
            </ul>
            <h4>What to improve, by votes</h4>
            <ul className="compact">
              {f.toImprove.map((w, i) => (
                <li key={i}>
                  {w.text} <span className="meta">({w.votes} votes)</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="appendix">
        <h2>Appendix A: participants</h2>
        <table className="small-table">
          <TableHead columns={['Name', 'Seat', 'Role', 'Joined']} />
          <tbody>
            {report.participants.map((p, i) => (
              <tr key={i}>
                <td>{p.name}</td>
                <td>{p.kind}</td>
                <td>{p.role ?? '—'}</td>
                <td className="nowrap">{p.joined}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="appendix">
        <h2>Appendix B: timeline</h2>
        <table className="small-table">
          <TableHead columns={['Wall clock (UTC)', 'Game', 'Event']} />
          <tbody>
            {report.timeline.map((t, i) => (
              <tr key={i}>
                <td className="nowrap">{t.wall.replace(' UTC', '')}</td>
                <td className="nowrap">{t.game}</td>
                <td>{t.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="sign-off-block">
        <h2>Sign-off</h2>
        {report.signOff ? (
          <p>
            Signed off by <strong>{report.signOff.name}</strong> on {report.signOff.at}. The exercise record is frozen.
          </p>
        ) : (
          <p>Not signed off. Signature: ____________________ Date: ____________</p>
        )}
      </section>
    </article>
  );
}

/** The after-action report as a page to read and print: the browser's print to PDF makes the PDF. */
export function ReportPage({ sessionId }: { sessionId: string }) {
  const [report, setReport] = useState<AfterActionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seat = recordToken(sessionId);
  useEffect(() => {
    if (!seat) return;
    requestJson<AfterActionReport>(sessionPath(sessionId, 'report.json'), { token: seat.token }).then(
      setReport,
      (e: unknown) => setError(messageOf(e)),
    );
  }, [sessionId, seat?.token]);
  if (!seat) return <p className="page">This browser holds no facilitator’s or evaluator’s seat for this session.</p>;
  if (error)
    return (
      <p className="page" role="alert">
        {error}
      </p>
    );
  if (!report) return <p className="loading page">Loading the report…</p>;
  return (
    <main className="report-page">
      <div className="report-tools no-print">
        <button type="button" className="button primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <a className="button" href={`#/${seat.kind === 'facilitator' ? 'facilitate' : 'evaluator'}/${sessionId}`}>
          Back to the session
        </a>
      </div>
      <Report report={report} />
    </main>
  );
}
