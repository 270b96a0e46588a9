import type { Phase } from '@chaos-quest/engine';
import { formatGameMinutes } from '../time/format.ts';
import { Icon } from '../ui/Icon.tsx';

interface Props {
  clock: { minutes: number; label: string; timebox: number; pace: number | null };
  phase: Phase;
  large?: boolean;
}

/** The fiction's clock: the time of day, how far into the timebox, and whether it is running. */
export function ClockFace({ clock, phase, large = false }: Props) {
  const used = Math.min(1, Math.max(0, clock.minutes / clock.timebox));
  const state =
    phase === 'paused'
      ? { icon: 'pause' as const, text: 'Paused' }
      : clock.pace !== null && phase === 'running'
        ? { icon: 'play' as const, text: `Running: 1 min every ${clock.pace} s` }
        : { icon: 'clock' as const, text: phase === 'running' ? 'Moves with the story' : 'Stopped' };
  return (
    <div className={`clock-face ${large ? 'large' : ''} ${phase === 'paused' ? 'paused' : ''}`}>
      <div className="clock-time" aria-label={`Game clock ${clock.label}`}>
        <time>{clock.label}</time>
      </div>
      <div className="clock-meta">
        <span className="clock-state">
          <Icon name={state.icon} size={14} /> {state.text}
        </span>
        <span>
          T+{formatGameMinutes(clock.minutes)} of {formatGameMinutes(clock.timebox)}
        </span>
      </div>
      <div
        className="timebox"
        role="meter"
        aria-label="Timebox used"
        aria-valuemin={0}
        aria-valuemax={clock.timebox}
        aria-valuenow={Math.max(0, clock.minutes)}
      >
        <span style={{ width: `${used * 100}%` }} className={used > 0.8 ? 'late' : ''} />
      </div>
    </div>
  );
}
