import type { ReactNode } from 'react';
import type { View } from '@chaos-quest/engine';
import { PhaseBadge } from '../board/PhaseBadge.tsx';
import { useSessionState } from '../session/SessionProvider.tsx';
import { Icon } from '../ui/Icon.tsx';
import { AutoPausedNote } from './AutoPausedNote.tsx';
import { PausedBanner } from './PausedBanner.tsx';
import { PendingCount } from '../console/PendingDeclarations.tsx';

/** The strip at the top of a session screen: which quest, its phase and clock, the link's state; a banner while paused. */
export function SessionBar({ view, children }: { view: View; children?: ReactNode }) {
  const status = useSessionState((s) => s.status);
  const online = status === 'online';
  return (
    <>
      <div className="session-bar">
        <div className="session-title">
          <h1>{view.scenario.title}</h1>
          {view.team ? <span className="team">{view.team}</span> : null}
        </div>
        <div className="session-status">
          <PhaseBadge phase={view.phase} />
          <span className="mini-clock" aria-label={`Game clock ${view.clock.label}`}>
            <Icon name="clock" size={14} /> {view.clock.label}
          </span>
          {status === 'read-only' ? (
            <span className="link-state">Read-only</span>
          ) : (
            <span className={`link-state ${online ? 'online' : 'offline'}`}>
              <Icon name={online ? 'dot' : 'offline'} size={12} />
              {online ? 'Live' : 'Offline'}
            </span>
          )}
          {view.viewer === 'facilitator' ? <PendingCount view={view} /> : null}
          {children}
        </div>
      </div>
      <PausedBanner view={view} />
      <AutoPausedNote view={view} />
    </>
  );
}
