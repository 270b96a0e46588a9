/** One problem found in a scenario file, located precisely enough for an editor to jump to it. */
export interface Diagnostic {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
  /** Stable: CQ1xxx for YAML and schema, CQ2xxx for references and logic. */
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** Says what is wrong and what to do, naming the offending value. */
  message: string;
  /** The YAML path, as `scenes[3].choices[1].goto`. */
  path: string;
}

/** `file:line:col: severity CODE message`, as compilers print it. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity} ${d.code} ${d.message}`;
}
