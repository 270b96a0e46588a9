import { CommandButton } from '../ui/CommandButton.tsx';
import { Icon } from '../ui/Icon.tsx';

/** Raise or lower a hand to get the facilitator’s attention. */
export function HandButton({ raised }: { raised: boolean }) {
  return (
    <CommandButton
      control="hand.raise"
      command={{ type: 'hand.raise', raised: !raised }}
      variant={raised ? 'primary' : 'secondary'}
      pressed={raised}
    >
      <Icon name="hand" size={16} /> {raised ? 'Hand raised (lower)' : 'Raise hand'}
    </CommandButton>
  );
}
