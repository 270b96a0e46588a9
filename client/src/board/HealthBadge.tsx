import type { Health } from '@chaos-quest/engine';
import { Icon, type IconName } from '../ui/Icon.tsx';

export const HEALTH_LOOK: Record<Health, { icon: IconName; text: string }> = {
  ok: { icon: 'check', text: 'OK' },
  degraded: { icon: 'warn', text: 'Degraded' },
  down: { icon: 'cross', text: 'Down' },
};

/** A component's health as an icon and a word, coloured too but never by colour alone. */
export function HealthBadge({ health }: { health: Health }) {
  const look = HEALTH_LOOK[health];
  return (
    <span className={`health health-${health}`}>
      <Icon name={look.icon} size={14} />
      {look.text}
    </span>
  );
}
