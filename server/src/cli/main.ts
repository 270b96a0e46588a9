import { parseArgs } from 'node:util';
import { SERVE_USAGE, SIMULATE_USAGE, USAGE, VALIDATE_USAGE } from './usage.ts';
import { UsageError } from './usage-error.ts';

const USAGES: Record<string, string> = { validate: VALIDATE_USAGE, simulate: SIMULATE_USAGE, serve: SERVE_USAGE };

async function serveCommand(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { port: { type: 'string' }, host: { type: 'string' } }, strict: true });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535)) throw new UsageError(`--port must be a port number, not '${values.port}'.`);
  const { serve } = await import('./serve.ts');
  await serve({ ...(port !== undefined ? { port } : {}), ...(values.host !== undefined ? { host: values.host } : {}) });
  // The server keeps the process alive; it exits on SIGINT or SIGTERM.
  return 0;
}

/** Runs one command and returns its exit code: 0 ok, 1 problems found, 2 bad arguments. */
async function run(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const usage = USAGES[command];
  if (usage === undefined) {
    process.stderr.write(`chaos-quest: unknown command '${command}'.\n\n${USAGE}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  try {
    if (command === 'validate') return await (await import('./validate.ts')).validate(args);
    if (command === 'simulate') return await (await import('./simulate.ts')).simulate(args);
    return await serveCommand(args);
  } catch (error) {
    // parseArgs reports unknown options and missing values as TypeErrors with an ERR_PARSE_ARGS code.
    const code = String((error as { code?: unknown }).code ?? '');
    if (error instanceof UsageError || (error instanceof TypeError && code.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`chaos-quest ${command}: ${error.message}\n\n${usage}\n`);
      return 2;
    }
    // A file that cannot be read (ENOENT, EACCES, EISDIR…) is the user's to fix, not a crash.
    if (error instanceof Error && /^E[A-Z]+$/.test(code)) {
      process.stderr.write(`chaos-quest ${command}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await run(process.argv.slice(2));
