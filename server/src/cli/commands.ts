import type { CliIo } from './cli-io.ts';
import { detect, DETECT_USAGE } from './detect.ts';
import { importIncidents, IMPORT_USAGE } from './import-incidents.ts';
import { migrateStore, MIGRATE_STORE_USAGE } from './migrate-store.ts';
import { serveCommand } from './serve-command.ts';
import { simulate } from './simulate.ts';
import { graph } from './graph.ts';
import { testCommand } from './test-command.ts';
import { GRAPH_USAGE, SERVE_USAGE, SIMULATE_USAGE, TEST_USAGE, VALIDATE_USAGE } from './usage.ts';
import { validate } from './validate.ts';

/** One `chaos-quest` command: its name, its help text and what runs it. */
export interface CliCommand {
  name: string;
  /** Printed for `--help` and after a usage error. */
  usage: string;
  /**
   * Runs the command and resolves to its exit code (0 ok, 1 problems found). Throws UsageError for
   * bad arguments; a file-system error (ENOENT, EACCES…) is reported by `run` as exit code 1.
   */
  handler(args: readonly string[], io: CliIo): Promise<number>;
}

/** Every command `run` knows, in the order the top-level usage lists them. */
export const COMMANDS: readonly CliCommand[] = [
  { name: 'validate', usage: VALIDATE_USAGE, handler: validate },
  { name: 'simulate', usage: SIMULATE_USAGE, handler: simulate },
  { name: 'test', usage: TEST_USAGE, handler: testCommand },
  { name: 'graph', usage: GRAPH_USAGE, handler: graph },
  { name: 'serve', usage: SERVE_USAGE, handler: serveCommand },
  { name: 'detect', usage: DETECT_USAGE, handler: detect },
  { name: 'import', usage: IMPORT_USAGE, handler: importIncidents },
  { name: 'migrate-store', usage: MIGRATE_STORE_USAGE, handler: migrateStore },
];
