import type { View } from '@chaos-quest/engine';
import { CommandButton } from '../ui/CommandButton.tsx';
import { Icon } from '../ui/Icon.tsx';

/**
 * A banner on every session screen while the game is paused, so nobody mistakes a frozen clock and
 * greyed-out votes for a broken link. The facilitator gets the Resume button right in it.
 */
export function PausedBanner({ view }: { view: View }) {
  if (view.phase !== 'paused') return null;
  const facilitator = view.viewer === 'facilitator';
  return (
    <div className="paused-banner" role="status">
      <Icon name="pause" size={18} />
      <span className="paused-text">
        <strong>The game is paused.</strong>{' '}
        {facilitator
          ? 'The clock, votes, choices and scene changes wait until you resume.'
          : view.viewer === 'player'
            ? 'The clock, voting and declaring wait until the facilitator resumes. You can still read, post and propose.'
            : 'The clock and voting wait until the facilitator resumes.'}
      </span>
      {facilitator ? (
        <CommandButton control="session.resume:banner" command={{ type: 'session.resume' }} variant="primary">
          <Icon name="play" size={16} /> Resume the game
        </CommandButton>
      ) : null}
    </div>
  );
}
