import type { Diagnostic } from '@chaos-quest/engine';

/** Diagnostics listed per file on the public `GET /api/scenarios`; `chaos-quest validate` lists them all. */
export const MAX_LISTED_DIAGNOSTICS = 20;
/** Longest message or path listed; longer ones are cut with an ellipsis. */
export const MAX_DIAGNOSTIC_CHARS = 240;

/**
 * The diagnostics as the public scenario list shows them: at most MAX_LISTED_DIAGNOSTICS, each
 * message and path cut to MAX_DIAGNOSTIC_CHARS, and a CQ1008 note saying how many were left out.
 * Messages quote the file (unknown keys, YAML syntax), and whatever lands in the folder should not
 * be readable back through the API beyond a short excerpt. Pure.
 */
export function publicDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const listed = diagnostics
    .slice(0, MAX_LISTED_DIAGNOSTICS)
    .map(({ file, line, col, code, severity, message, path }) => ({
      file,
      line,
      col,
      code,
      severity,
      message: cut(message),
      path: cut(path),
    }));
  const left = diagnostics.length - listed.length;
  const last = listed[listed.length - 1];
  if (left <= 0 || !last) return listed;
  return [
    ...listed,
    {
      file: last.file,
      line: last.line,
      col: last.col,
      code: 'CQ1008',
      severity: 'warning',
      path: '',
      message: `${left} more problems are not listed here; run \`chaos-quest validate ${last.file}\` to see them all.`,
    },
  ];
}

function cut(text: string): string {
  return text.length <= MAX_DIAGNOSTIC_CHARS ? text : `${text.slice(0, MAX_DIAGNOSTIC_CHARS - 1)}…`;
}
