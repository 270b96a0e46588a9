import type { ExerciseView } from '@chaos-quest/engine';
import { formatDate, formatWallTime } from '../time/format.ts';
import { Icon } from '../ui/Icon.tsx';

/** Says that the record is frozen, and by whom: later edits are refused. */
export function SignedOffBanner({ signedOff }: { signedOff: NonNullable<ExerciseView['signedOff']> }) {
  return (
    <p className="signed-off" role="status">
      <Icon name="lock" size={16} /> Signed off by {signedOff.name} on {formatDate(signedOff.at.wall)} at{' '}
      {formatWallTime(signedOff.at.wall)}. The exercise’s record is frozen.
    </p>
  );
}
