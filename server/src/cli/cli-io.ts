/** Where a CLI command writes, so that commands run in-process in tests and in a real terminal alike. */
export interface CliIo {
  /** Writes to standard output (text as given: add the newline yourself). */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** The directory relative paths are resolved from. */
  cwd: string;
}
