import type { Health } from '@chaos-quest/engine';
import type { IconName } from '../ui/Icon.tsx';

/** Each health as an icon and a word, so it is never shown by colour alone. */
export const HEALTH_LOOK: Record<Health, { icon: IconName; text: string }> = {
  ok: { icon: 'check', text: 'OK' },
  degraded: { icon: 'warn', text: 'Degraded' },
  down: { icon: 'cross', text: 'Down' },
};
