import { useId, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';

interface Props {
  title: string;
  children: ReactNode;
  /** Controls shown at the right of the title. */
  actions?: ReactNode;
  className?: string;
  /** An icon before the title (decorative; the title carries the meaning). */
  icon?: IconName;
}

/** A titled region of a screen, labelled for assistive technology by its heading. */
export function Panel({ title, children, actions, className = '', icon }: Props) {
  const id = useId();
  return (
    <section className={`panel ${className}`} aria-labelledby={id}>
      <header className="panel-head">
        <h2 id={id}>
          {icon ? <Icon name={icon} size={15} /> : null}
          {title}
        </h2>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
