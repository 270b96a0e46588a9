import type { ReactNode } from 'react';
import type { CommandInput } from '../session/connection.ts';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from './FieldError.tsx';

interface Props {
  control: string;
  command: CommandInput;
  children: ReactNode;
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  disabled?: boolean;
  title?: string;
  pressed?: boolean;
  /** The id of the text that says why the button is disabled (see DisabledReason). */
  describedBy?: string;
}

/** A button that sends one command and shows the server's refusal beside itself. */
export function CommandButton({
  control,
  command,
  children,
  variant = 'secondary',
  disabled = false,
  title,
  pressed,
  describedBy,
}: Props) {
  const { send, busy, error } = useCommand(control);
  return (
    <span className="command">
      <button
        type="button"
        className={`button ${variant}`}
        disabled={disabled || busy}
        aria-busy={busy}
        title={title}
        aria-pressed={pressed}
        aria-describedby={describedBy}
        onClick={() => void send(command)}
      >
        {children}
      </button>
      <FieldError message={error} />
    </span>
  );
}
