import { fileURLToPath } from 'node:url';
import type { CliIo } from './cli-io.ts';
import { run } from './run.ts';

/** The repository root, where the CLI runs from in tests. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** What a command wrote, and the exit code it returned. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one command handler in this process with `cwd` as its directory, and collects what it wrote. */
export async function runCommand(
  handler: (args: readonly string[], io: CliIo) => Promise<number>,
  args: readonly string[],
  cwd: string,
): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await handler(args, { out: (text) => void (stdout += text), err: (text) => void (stderr += text), cwd });
  return { code, stdout, stderr };
}

/**
 * Runs `chaos-quest <args>` in this process, from the repository root, and collects what it wrote.
 * Resolves to the exit code `main.ts` would set; rejects only when the CLI has a bug.
 */
export function runCli(...args: string[]): Promise<CliOutcome> {
  return runCommand(run, args, repoRoot);
}
