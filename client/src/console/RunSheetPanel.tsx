import type { FacilitatorView, InjectPlan } from '@chaos-quest/engine';
import { formatGameMinutes, gameClockAt } from '../time/format.ts';
import { CommandButton } from '../ui/CommandButton.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Panel } from '../ui/Panel.tsx';
import { runSheet } from './run-sheet.ts';
import { ConfirmDeclaration } from './MilestonesPanel.tsx';
import { namesOf } from '../board/names.ts';

/** How many upcoming injects the sheet lists; the Injects tab has them all. */
const SHOWN = 3;

function When({ inject, view }: { inject: InjectPlan; view: FacilitatorView }) {
  if (inject.at === null) return <span className="sheet-when">by hand</span>;
  const left = inject.at - view.clock.minutes;
  return (
    <span className={`sheet-when ${left <= 5 ? 'soon' : ''}`}>
      <time>{gameClockAt(view.clock, inject.at)}</time>
      <small>{left > 0 ? ` in ${formatGameMinutes(left)}` : ' due'}</small>
    </span>
  );
}

/**
 * The run sheet: the injects to come against the game clock, then who the table is waiting on
 * (votes not cast, pages not acknowledged). `onShowInjects` opens the full inject plan.
 */
export function RunSheetPanel({ view, onShowInjects }: { view: FacilitatorView; onShowInjects: () => void }) {
  const sheet = runSheet(view);
  const { roleNames, playerNames } = namesOf(view);
  const more = sheet.upcoming.length - SHOWN + sheet.later;
  return (
    <Panel title="Run sheet" icon="list" className="run-sheet">
      <ul className="sheet-waiting" aria-label="Waiting on">
        {sheet.toConfirm.map((d) => (
          <li key={d.id} className="waiting-confirm">
            <span>
              <Icon name="megaphone" size={14} /> {playerNames[d.playerId] ?? 'A player'} declared{' '}
              {d.kind === 'incident' ? 'an incident' : d.kind} at {gameClockAt(view.clock, d.at.game)}
              {d.note ? `: ${d.note}` : ''}
            </span>
            <ConfirmDeclaration declaration={d} />
          </li>
        ))}
        {sheet.notVoted.length ? (
          <li>
            <Icon name="check" size={14} /> Not voted yet: <strong>{sheet.notVoted.join(', ')}</strong>
          </li>
        ) : view.choices.length ? (
          <li>
            <Icon name="check" size={14} /> Everyone seated has voted
          </li>
        ) : null}
        {sheet.unacknowledged.slice(0, SHOWN).map((page) => (
          <li key={page.key} className="waiting-page">
            <span className="waiting-title">
              <Icon name="bell" size={14} /> Not acknowledged since {gameClockAt(view.clock, page.at.game)} ·{' '}
              {page.to ? page.to.map((r) => roleNames[r] ?? r).join(', ') : 'everyone'}
            </span>
            <span className="sheet-summary one-line">{page.text}</span>
          </li>
        ))}
        {sheet.unacknowledged.length > SHOWN ? (
          <li className="waiting-page">and {sheet.unacknowledged.length - SHOWN} more pages not acknowledged</li>
        ) : null}
      </ul>
      <h3 className="sheet-heading">Coming up</h3>
      {sheet.upcoming.length === 0 ? (
        <p className="empty">No scripted inject left in this scene.</p>
      ) : (
        <ol className="sheet-list">
          {sheet.upcoming.slice(0, SHOWN).map((inject, index) => (
            <li key={inject.id} className={inject.page ? 'page' : ''}>
              <div className="sheet-meta">
                <When inject={inject} view={view} />
                <span className="inject-kind">
                  <Icon name={inject.page ? 'bell' : 'mail'} size={13} /> {inject.page ? 'PAGE' : 'Inject'}
                  {inject.to ? ` to ${inject.to.map((r) => roleNames[r] ?? r).join(', ')}` : ' to everyone'}
                </span>
              </div>
              <div className="sheet-body">
                <span className="sheet-summary">{inject.text}</span>
                <CommandButton
                  control={`inject.reveal:${inject.id}`}
                  command={{ type: 'inject.reveal', injectId: inject.id }}
                  variant={index === 0 ? 'primary' : 'secondary'}
                  title={index === 0 ? 'Reveal now (R)' : 'Reveal now'}
                >
                  Reveal
                </CommandButton>
              </div>
            </li>
          ))}
        </ol>
      )}
      {more > 0 ? (
        <button type="button" className="button quiet small" onClick={onShowInjects}>
          {more} more in the inject plan
        </button>
      ) : null}
    </Panel>
  );
}
