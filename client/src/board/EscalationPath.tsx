import type { EscalationStep, View } from '@chaos-quest/engine';
import { formatGameMinutes } from '../time/format.ts';

/**
 * Game minutes since the escalation clock started: at the first page, or at detection when no page
 * came first; null while nobody knows of the incident yet. Pure.
 */
export function escalationElapsed(view: Pick<View, 'milestones' | 'clock'>): number | null {
  const start = view.milestones['firstPage']?.game ?? view.milestones['detected']?.game;
  return start === undefined ? null : Math.max(0, view.clock.minutes - start);
}

/**
 * What a level says beside its name: reached, how soon it comes (the next one, while the game runs),
 * not reached (once the game is over: no countdown to a page that will never be sent), or its delay.
 */
export function escalationWhen(
  step: EscalationStep,
  elapsed: number | null,
  next: EscalationStep | undefined,
  over: boolean,
): string {
  if (elapsed !== null && step.after <= elapsed) return 'reached';
  if (over) return 'not reached';
  if (step === next && elapsed !== null) return `in ${formatGameMinutes(step.after - elapsed)}`;
  return step.after === 0 ? 'at once' : `after ${formatGameMinutes(step.after)}`;
}

/**
 * Who to escalate to, in order, and after how long. Given `elapsed` (see escalationElapsed), the
 * levels reached so far light up and the next one says how soon it comes; `over` (the debrief) stops
 * the countdown.
 */
export function EscalationPath({
  steps,
  elapsed = null,
  over = false,
}: {
  steps: readonly EscalationStep[];
  elapsed?: number | null;
  over?: boolean;
}) {
  if (steps.length === 0) return <p className="empty">This scenario has no escalation path.</p>;
  const sorted = [...steps].sort((a, b) => a.level - b.level);
  const next = elapsed === null || over ? undefined : sorted.find((s) => s.after > elapsed);
  const current = elapsed === null ? undefined : sorted.findLast((s) => s.after <= elapsed);
  return (
    <ol className="escalation">
      {sorted.map((s) => {
        const when = escalationWhen(s, elapsed, next, over);
        return (
          <li
            key={`${s.level}-${s.who}`}
            className={when === 'reached' ? 'reached' : s === next ? 'next' : ''}
            aria-current={s === current ? 'step' : undefined}
          >
            <span className="escalation-level">
              <span className="sr-only">Level </span>L{s.level}
            </span>
            <span className="escalation-who">
              {s.who}
              {s.contact ? <small>{s.contact}</small> : null}
            </span>
            <span className="escalation-after">{when}</span>
          </li>
        );
      })}
    </ol>
  );
}
