import { useId } from 'react';
import type { FacilitatorView } from '@chaos-quest/engine';
import { phaseRefusal } from '../session/readable-error.ts';
import { ClockFace } from '../board/ClockFace.tsx';
import { CommandButton } from '../ui/CommandButton.tsx';
import { DisabledReason } from '../ui/DisabledReason.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Panel } from '../ui/Panel.tsx';
import { PaceControl } from './PaceControl.tsx';

/** The game clock and its controls: advance, pause and resume, paced mode. */
export function ClockPanel({ view }: { view: FacilitatorView }) {
  const running = view.phase === 'running';
  const reasonId = useId();
  const reason = running ? null : phaseRefusal('clock.advance', view.phase, 'facilitator');
  return (
    <Panel title="Clock" icon="clock">
      <ClockFace clock={view.clock} phase={view.phase} />
      <div className="button-row" role="group" aria-label="Advance the clock">
        {[1, 5, 15].map((m) => (
          <CommandButton
            key={m}
            control="clock.advance"
            command={{ type: 'clock.advance', minutes: m }}
            disabled={!running}
            describedBy={reasonId}
            title={`Advance the game clock ${m} minute${m === 1 ? '' : 's'}`}
          >
            +{m} min
          </CommandButton>
        ))}
        {running ? (
          <CommandButton control="session.pause" command={{ type: 'session.pause' }}>
            <Icon name="pause" size={16} /> Pause
          </CommandButton>
        ) : (
          <CommandButton control="session.resume" command={{ type: 'session.resume' }} variant="primary">
            <Icon name="play" size={16} /> Resume
          </CommandButton>
        )}
      </div>
      <DisabledReason reason={reason} id={reasonId} />
      <PaceControl pace={view.clock.pace} />
    </Panel>
  );
}
