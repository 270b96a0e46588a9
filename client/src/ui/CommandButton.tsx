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
}

/** A button that sends one command and shows the server's refusal beside itself. */
export function CommandButton({ control, command, children, variant = 'secondary', disabled = false, title, pressed }: Props) {
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
        onClick={() => void send(command)}
      >
        {children}
      </button>
      <FieldError message={error} />
    </span>
  );
}
