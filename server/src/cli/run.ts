import type { CliIo } from './cli-io.ts';
import { COMMANDS } from './commands.ts';
import { USAGE } from './usage.ts';
import { UsageError } from './usage-error.ts';

const HELP = new Set(['--help', '-h', 'help']);

/**
 * Runs one `chaos-quest` command line (without the node and script arguments) and resolves to its
 * exit code: 0 ok, 1 problems found or a file that cannot be read, 2 bad arguments (with the usage
 * on `io.err`). Never touches `process`; rejects only on a bug.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  if (HELP.has(name)) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.err(`chaos-quest: unknown command '${name}'.\n\n${USAGE}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.handler(args, io);
  } catch (error) {
    // parseArgs reports unknown options and missing values as TypeErrors with an ERR_PARSE_ARGS code.
    const code = String((error as { code?: unknown }).code ?? '');
    if (error instanceof UsageError || (error instanceof TypeError && code.startsWith('ERR_PARSE_ARGS'))) {
      io.err(`chaos-quest ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    // A file that cannot be read (ENOENT, EACCES, EISDIR…) is the user's to fix, not a crash.
    if (error instanceof Error && /^E[A-Z]+$/.test(code)) {
      io.err(`chaos-quest ${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
