import { Icon } from './Icon.tsx';

/**
 * Why the controls beside it are disabled, in words: a greyed-out button alone leaves people
 * clicking and wondering. Give the same `id` to the controls' `aria-describedby`.
 */
export function DisabledReason({ reason, id }: { reason: string | null; id?: string }) {
  if (!reason) return null;
  return (
    <p className="disabled-reason" id={id}>
      <Icon name="pause" size={14} /> {reason}
    </p>
  );
}
