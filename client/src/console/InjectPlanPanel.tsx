import type { FacilitatorView, InjectPlan } from '@chaos-quest/engine';
import { gameClockAt } from '../time/format.ts';
import { CommandButton } from '../ui/CommandButton.tsx';
import { Icon } from '../ui/Icon.tsx';

function status(inject: InjectPlan, view: FacilitatorView): string {
  if (inject.revealed)
    return inject.due !== null ? `Revealed late: it was due at ${gameClockAt(view.clock, inject.due)}` : 'Revealed';
  if (inject.status === 'missed') return 'Missed: its window has passed';
  if (inject.status === 'waiting' && inject.due !== null && !inject.available)
    return `Due since ${gameClockAt(view.clock, inject.due)}; fires when the party is in “${view.scenes.find((s) => s.id === inject.scene)?.title ?? inject.scene}”`;
  if (!inject.available && inject.module !== undefined)
    return `In module “${view.story?.modules.find((m) => m.id === inject.module)?.title ?? inject.module}”`;
  if (!inject.available) return `In scene “${view.scenes.find((s) => s.id === inject.scene)?.title ?? inject.scene}”`;
  if (inject.due !== null) return `Fires by itself at ${gameClockAt(view.clock, inject.due)}`;
  if (inject.at !== null) return `Fires by itself at ${gameClockAt(view.clock, inject.at)}`;
  return 'Ready';
}

/**
 * The scripted injects still to come, and "reveal now" for what can be. Revealed ones are listed
 * once, under Revealed, with who acknowledged them.
 */
export function InjectPlanPanel({ view }: { view: FacilitatorView }) {
  const roleNames = Object.fromEntries(view.scenario.roles.map((r) => [r.id, r.name]));
  // What can be revealed now first, then the rest of the plan.
  const rank = (i: InjectPlan) => (i.available ? 0 : 1);
  const plan = view.injectPlan.filter((i) => !i.revealed).sort((a, b) => rank(a) - rank(b));
  if (plan.length === 0)
    return (
      <p className="empty">
        {view.injectPlan.length ? 'Every scripted inject is out.' : 'This scenario scripts no injects.'} Improvise
        below.
      </p>
    );
  // One primary button, as on the run sheet: the next inject due. A column of them says nothing.
  const next = plan.find((inject) => inject.available);
  return (
    <ul className="inject-plan">
      {plan.map((inject) => (
        <li
          key={inject.id}
          className={`plan-item ${inject.revealed ? 'revealed' : inject.status === 'missed' ? 'missed' : inject.available ? 'ready' : 'later'}`}
        >
          <div className="plan-head">
            <span className="inject-kind">
              <Icon name={inject.page ? 'bell' : 'mail'} size={14} /> {inject.page ? 'PAGE' : 'Inject'}
            </span>
            <span className="plan-status">{status(inject, view)}</span>
            <span className="inject-to">
              {inject.to === null ? 'Everyone' : `To ${inject.to.map((r) => roleNames[r] ?? r).join(', ')}`}
            </span>
          </div>
          <p className="plan-text">{inject.text}</p>
          {inject.notes ? (
            <p className="plan-notes">
              <Icon name="lock" size={12} /> {inject.notes}
            </p>
          ) : null}
          {inject.available ? (
            <CommandButton
              control={`inject.reveal:${inject.id}`}
              command={{ type: 'inject.reveal', injectId: inject.id }}
              variant={inject === next ? 'primary' : 'secondary'}
            >
              Reveal now
            </CommandButton>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
