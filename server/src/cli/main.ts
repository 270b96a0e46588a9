// The `chaos-quest` process: wires argv, stdout, stderr and the working directory to `run`.
import { run } from './run.ts';

const io = {
  out: (text: string) => void process.stdout.write(text),
  err: (text: string) => void process.stderr.write(text),
  cwd: process.cwd(),
  // Simulate draws its progress line only where someone watches it (see `onTerminal` in simulate.ts).
  errIsTerminal: process.stderr.isTTY === true,
};
process.exitCode = await run(process.argv.slice(2), io);
