import type { View } from '@chaos-quest/engine';
import { Icon } from '../ui/Icon.tsx';

/** Says why the game paused when nobody pressed Pause: every console dropped (TableSettings.autoPause). */
export function AutoPausedNote({ view }: { view: View }) {
  if (view.phase !== 'paused' || !view.autoPaused) return null;
  return (
    <p className="auto-paused" role="status">
      <Icon name="offline" size={16} />{' '}
      {view.viewer === 'facilitator'
        ? 'The game paused by itself when the console’s connection dropped. Nothing timed fired meanwhile; resume when the table is ready.'
        : 'The game paused by itself: the facilitator’s connection dropped. It carries on when they are back.'}
    </p>
  );
}
