import { performance } from 'node:perf_hooks';
import type { StepResult } from './load-step.ts';

/** One probe of the capacity search. */
export interface Probe {
  sessions: number;
  p99Ms: number;
  errors: number;
  /** Why the probe could not run to its end (tables that would not open, say), or null. */
  failure: string | null;
  holds: boolean;
}

export interface SearchOptions {
  /** Steps already measured (their p99 and errors), so the search starts from what is known. */
  known: readonly Probe[];
  /** The p99 a step must stay under to count as held. */
  p99LimitMs: number;
  /** Stop starting new probes after this long. */
  budgetMs: number;
  /** Never probe more sessions than this (the generator shares the machine and its fds). */
  maxSessions: number;
  /** Runs one probe: the real server with `sessions` tables. */
  probe: (sessions: number) => Promise<StepResult>;
}

export interface SearchResult {
  /** The most sessions seen held (0 when none was). */
  maxSessions: number;
  probes: Probe[];
  /** Why the search stopped: the bracket closed, the time ran out, or the cap was reached. */
  stoppedBy: 'converged' | 'budget' | 'cap';
}

/** Whether a step held: no errors, nothing refused, and p99 under the limit. */
export function holds(result: Pick<StepResult, 'p99Ms' | 'errors' | 'failure'>, limitMs: number): boolean {
  return result.failure === null && result.errors === 0 && result.p99Ms < limitMs;
}

/**
 * The largest S the server holds: grows by half again from the largest held step until one
 * fails, then bisects between the two until the gap is under a tenth (or 10 sessions). Bounded by
 * `budgetMs` and `maxSessions`; one run per probe, so a noisy machine may stop it early.
 */
export async function searchCapacity(options: SearchOptions): Promise<SearchResult> {
  const probes: Probe[] = [...options.known];
  const started = performance.now();
  const bracket = () => {
    const held = probes.filter((p) => p.holds).map((p) => p.sessions);
    const lo = held.length > 0 ? Math.max(...held) : 0;
    const above = probes.filter((p) => !p.holds && p.sessions > lo).map((p) => p.sessions);
    return { lo, hi: above.length > 0 ? Math.min(...above) : null };
  };
  for (;;) {
    const { lo, hi } = bracket();
    if (hi !== null && hi - lo <= Math.max(10, lo / 10)) return { maxSessions: lo, probes, stoppedBy: 'converged' };
    if (hi === null && lo >= options.maxSessions) return { maxSessions: lo, probes, stoppedBy: 'cap' };
    if (performance.now() - started > options.budgetMs) return { maxSessions: lo, probes, stoppedBy: 'budget' };
    const next =
      hi === null ? Math.min(options.maxSessions, roundTo(Math.max(lo * 1.5, lo + 10), 10)) : roundTo((lo + hi) / 2, 5);
    const result = await options.probe(next);
    probes.push({
      sessions: next,
      p99Ms: result.p99Ms,
      errors: result.errors,
      failure: result.failure,
      holds: holds(result, options.p99LimitMs),
    });
  }
}

const roundTo = (x: number, unit: number) => Math.max(unit, Math.round(x / unit) * unit);
