import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, the working directory of every child. */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The line a child prints once it listens: `CQ-READY {"port":1234}`. */
export const READY_PREFIX = 'CQ-READY ';

/** A child process that listens on a loopback port. */
export interface ListeningChild {
  readonly proc: ChildProcess;
  readonly pid: number;
  readonly port: number;
  readonly url: string;
  /** Resolves with the exit signal (or null) once the process has gone. */
  readonly exited: Promise<NodeJS.Signals | null>;
  /** Whole stdout lines printed after the ready line (for a child that reports when it stops). */
  readonly output: string[];
  /** SIGTERM (a clean close), then SIGKILL if it has not gone after `graceMs`. */
  stop(graceMs?: number): Promise<NodeJS.Signals | null>;
  /** SIGKILL: the process dies between two instructions, as in a power cut. */
  kill(): Promise<NodeJS.Signals | null>;
}

export interface SpawnOptions {
  /** Extra node flags, such as `--cpu-prof`. */
  nodeArgs?: string[];
  /** Give up if the child has not printed its ready line by then (default 30 s). */
  readyTimeoutMs?: number;
}

/**
 * Starts `node --import tsx <script> ...args` and resolves once it prints its ready line. The
 * child's stderr passes through; stdout lines after the ready line are kept in `output`.
 * Rejects (and kills the child) when it exits or stays silent before getting ready.
 */
export function spawnListening(
  script: string,
  args: readonly string[],
  options: SpawnOptions = {},
): Promise<ListeningChild> {
  const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', script, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // 'close', not 'exit': by then stdout has been read to its end.
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    proc.once('close', (_code, signal) => resolve(signal)),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`${path.basename(script)} did not get ready in time`)),
      options.readyTimeoutMs ?? 30_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      proc.kill('SIGKILL');
      reject(error);
    };
    const early = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(new Error(`${path.basename(script)} exited before it was ready (code ${code}, signal ${signal})`));
    proc.once('exit', early);
    let buffered = '';
    let child: ListeningChild | null = null;
    proc.stdout?.setEncoding('utf8');
    proc.stdout?.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      if (child) return void child.output.push(...lines);
      const at = lines.findIndex((line) => line.startsWith(READY_PREFIX));
      if (at < 0) return;
      clearTimeout(timer);
      proc.off('exit', early);
      const { port } = JSON.parse((lines[at] as string).slice(READY_PREFIX.length)) as { port: number };
      child = listening(proc, port, exited);
      child.output.push(...lines.slice(at + 1));
      resolve(child);
    });
  });
}

function listening(proc: ChildProcess, port: number, exited: Promise<NodeJS.Signals | null>): ListeningChild {
  const pid = proc.pid ?? -1;
  const gone = () => proc.exitCode !== null || proc.signalCode !== null;
  return {
    proc,
    pid,
    port,
    url: `http://127.0.0.1:${port}`,
    exited,
    output: [],
    async stop(graceMs = 10_000) {
      if (gone()) return exited;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      const signal = await exited;
      clearTimeout(timer);
      return signal;
    },
    async kill() {
      if (!gone()) proc.kill('SIGKILL');
      return exited;
    },
  };
}

/** Resident memory of a process in bytes, from /proc/<pid>/status; NaN where /proc is not there. */
export function rssBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Prints the ready line a parent's spawnListening waits for. */
/**
 * What every server child does once it listens: closes `server` cleanly on SIGTERM (exit 0, or 1
 * naming `name` when the close fails), then prints the ready line.
 */
export function serveUntilSigterm(name: string, server: { port: number; close(): Promise<void> }): void {
  let closing = false;
  process.once('SIGTERM', () => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${name}: close failed`, error);
        process.exit(1);
      },
    );
  });
  announceReady(server.port);
}

export function announceReady(port: number): void {
  process.stdout.write(`${READY_PREFIX}${JSON.stringify({ port })}\n`);
}
