import path from 'node:path';

/**
 * Thrown when the database on disk is damaged and opening it would lose or misreport data: the
 * server must not start on it. The message says what is wrong and how to recover, naming the files.
 */
export class StoreDamagedError extends Error {
  readonly file: string;

  constructor(file: string, problem: string) {
    super(`${problem}\n${recoveryAdvice(file)}`);
    this.name = 'StoreDamagedError';
    this.file = file;
  }
}

/** How to get a working database back from `file`; shared by every damage the store detects. */
export function recoveryAdvice(file: string): string {
  const dir = path.dirname(file);
  const recovered = path.join(dir, 'recovered.sqlite');
  return [
    'The database was not opened, so nothing more was lost. To recover:',
    `  1. Stop every server using ${dir} and copy ${file} and ${file}-wal (if present) somewhere safe.`,
    `  2. Restore ${file} from a backup, or salvage what is readable into a new file:`,
    `       sqlite3 ${file} ".recover" | sqlite3 ${recovered}`,
    `     then move ${recovered} to ${file} and delete ${file}-wal and ${file}-shm.`,
    '  Commands after the damage are lost; players who reconnect may report views ahead of the log.',
  ].join('\n');
}
