import type { Phase } from '@chaos-quest/engine';
import { Icon, type IconName } from '../ui/Icon.tsx';

const LOOK: Record<Phase, { icon: IconName; text: string }> = {
  lobby: { icon: 'user', text: 'Lobby' },
  briefing: { icon: 'list', text: 'Briefing' },
  running: { icon: 'play', text: 'In play' },
  paused: { icon: 'pause', text: 'Paused' },
  debrief: { icon: 'chat', text: 'Debrief' },
  ended: { icon: 'stop', text: 'Closed' },
};

export function PhaseBadge({ phase }: { phase: Phase }) {
  const look = LOOK[phase];
  return (
    <span className={`phase-badge phase-${phase}`}>
      <Icon name={look.icon} size={14} />
      {look.text}
    </span>
  );
}
