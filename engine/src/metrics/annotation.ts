/**
 * A facilitator's word on one practice run: a note kept beside it, and whether it is left out of the
 * figures (a training run, a demo), with the reason. A run left out still shows in the run list, and
 * every figure says how many runs were left out and why: nothing disappears silently.
 */
export interface RunAnnotation {
  sessionId: string;
  /** Free text kept beside the run; null when there is none. */
  note: string | null;
  excluded: boolean;
  /** Why the run is left out: required when `excluded`, null otherwise. */
  reason: string | null;
  /** Wall-clock ms of the last change. */
  at: number;
}

/** The longest note and reason a person may type, in characters. */
export const ANNOTATION_LIMITS = { note: 1000, reason: 300 } as const;

/** A run left out of the figures, and why. */
export interface Exclusion {
  sessionId: string;
  reason: string;
}

/** The annotations by session id, for lookups while computing figures. Pure. */
export function annotationsBySession(annotations: readonly RunAnnotation[]): ReadonlyMap<string, RunAnnotation> {
  return new Map(annotations.map((a) => [a.sessionId, a]));
}

/**
 * Splits runs into those the figures count and those a facilitator left out, keeping each left-out
 * run's reason. Every run lands in exactly one of the two. Pure.
 */
export function splitExcluded<T extends { sessionId: string }>(
  runs: readonly T[],
  annotations: readonly RunAnnotation[],
): { counted: T[]; excluded: Exclusion[] } {
  const by = annotationsBySession(annotations);
  const counted: T[] = [];
  const excluded: Exclusion[] = [];
  for (const run of runs) {
    const a = by.get(run.sessionId);
    if (a?.excluded) excluded.push({ sessionId: run.sessionId, reason: a.reason ?? '' });
    else counted.push(run);
  }
  return { counted, excluded };
}
