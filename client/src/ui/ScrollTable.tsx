import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a narrow screen: the scrolling region is focusable and named,
 * so a keyboard can scroll it and a screen reader says what it is.
 */
export function ScrollTable({ label, className, children }: { label: string; className: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${label} (scrolls)`}>
      <table className={className}>{children}</table>
    </div>
  );
}
