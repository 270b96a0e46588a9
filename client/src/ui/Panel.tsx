import { useId, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  /** Controls shown at the right of the title. */
  actions?: ReactNode;
  className?: string;
  /** A glyph before the title (decorative; the title carries the meaning). */
  icon?: string;
}

/** A titled region of a screen, labelled for assistive technology by its heading. */
export function Panel({ title, children, actions, className = '', icon }: Props) {
  const id = useId();
  return (
    <section className={`panel ${className}`} aria-labelledby={id}>
      <header className="panel-head">
        <h2 id={id}>
          {icon ? <span className="panel-icon" aria-hidden="true">{icon}</span> : null}
          {title}
        </h2>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
