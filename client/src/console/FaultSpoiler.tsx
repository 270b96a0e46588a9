import { useState } from 'react';
import type { FacilitatorView } from '@chaos-quest/engine';
import { formatGameMinutes } from '../time/format.ts';
import { Icon } from '../ui/Icon.tsx';

/**
 * The fault is the answer to the puzzle. Consoles are often screen-shared, so it stays covered until
 * the facilitator shows it on their own screen; nothing is sent or stored when they do.
 */
export function FaultSpoiler({ fault }: { fault: FacilitatorView['fault'] }) {
  const [shown, setShown] = useState(false);
  return (
    <div className="fault-spoiler">
      <button type="button" className="button quiet small" aria-expanded={shown} onClick={() => setShown((s) => !s)}>
        <Icon name={shown ? 'eye' : 'lock'} size={13} /> {shown ? 'Hide the fault' : 'Show the fault (spoiler)'}
      </button>
      {shown ? (
        <p className="muted">
          From T{fault.startsAt < 0 ? '' : '+'}
          {formatGameMinutes(fault.startsAt)}: {fault.summary}
        </p>
      ) : (
        <p className="muted small">Hidden, in case this screen is shared. Players learn it in the debrief.</p>
      )}
    </div>
  );
}
