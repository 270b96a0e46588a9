import type { ReadOnlyLink, RunAnnotation } from '@chaos-quest/engine';

/** A run annotation as its table holds it (SQLite keeps the flag as 0/1, PostgreSQL as a boolean). */
export interface AnnotationDbRow {
  session_id: string;
  note: string | null;
  excluded: number | boolean;
  reason: string | null;
  at: number | string;
}

export interface LinkDbRow {
  id: string;
  session_id: string;
  created_at: number | string;
  revoked_at: number | string | null;
}

/**
 * Checks an annotation before it is stored: a run left out keeps its reason, and a run counted has
 * none (a stale reason would read as if it were still left out). Throws naming the session.
 */
export function assertAnnotation(a: RunAnnotation): void {
  const reason = typeof a.reason === 'string' && a.reason.trim() !== '';
  if (a.excluded && !reason)
    throw new Error(`Run ${a.sessionId} is left out of the figures without a reason: give the reason.`);
  if (!a.excluded && a.reason !== null) throw new Error(`Run ${a.sessionId} counts in the figures but has a reason.`);
  if (!Number.isSafeInteger(a.at))
    throw new Error(`Run ${a.sessionId}: the annotation's time is not a whole number of ms.`);
}

/** The row's annotation; throws naming the session when the row is not one. */
export function decodeAnnotation(row: AnnotationDbRow): RunAnnotation {
  const annotation: RunAnnotation = {
    sessionId: row.session_id,
    note: row.note,
    excluded: row.excluded === true || row.excluded === 1,
    reason: row.reason,
    at: Number(row.at),
  };
  try {
    assertAnnotation(annotation);
  } catch (error) {
    throw new Error(`Corrupt run annotation: ${(error as Error).message}`, { cause: error });
  }
  return annotation;
}

export function decodeLink(row: LinkDbRow): ReadOnlyLink {
  return {
    id: row.id,
    sessionId: row.session_id,
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}
