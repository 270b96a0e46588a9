import pg from 'pg';

/**
 * How the PostgreSQL store tells a refused write (a constraint said no: the caller's problem) from a
 * failing store (PostgreSQL unreachable, shutting down, out of space: the operator's problem).
 */

/** SQLSTATE of a violated constraint; `constraint` names which (see pg-migrations.ts). */
export function violatedConstraint(error: unknown): string | null {
  if (!(error instanceof pg.DatabaseError) || error.code === undefined || !error.code.startsWith('23')) return null;
  return error.constraint ?? '';
}

/**
 * True when a write failed because the store cannot write: no connection, a lost connection, a
 * server shutting down or out of resources. A constraint violation or a data error is a refusal.
 */
export function isPgFailure(error: unknown): error is Error {
  if (error instanceof pg.DatabaseError) {
    // 08 connection, 53 resources, 57 operator intervention (shutdown), 58 system, XX internal.
    return /^(08|53|57|58|XX)/.test(error.code ?? '');
  }
  if (!(error instanceof Error)) return false;
  // node-postgres reports a lost or refused connection as a plain Error (or a Node system error).
  const syscall = typeof (error as NodeJS.ErrnoException).syscall === 'string';
  return (
    syscall ||
    /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(
      error.message,
    )
  );
}

/** Rewrites a driver error that means "PostgreSQL is not there" into one that says what to check. */
export function explainPgFailure(error: Error, where: string): Error {
  const message = `PostgreSQL at ${where} cannot be reached or refused the work (${error.message}); check that it runs and CQ_DATABASE_URL.`;
  return new Error(message, { cause: error });
}
