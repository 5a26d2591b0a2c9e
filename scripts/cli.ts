/** What every command-line script here shares: output, usage errors (exit 2), running as the main module. */
import { pathToFileURL } from 'node:url';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Bad usage: the message and the usage text are printed, exit code 2. */
export class UsageError extends Error {}

/** Runs a command; a usage error (ours or node:util parseArgs') prints the message and usage and gives 2. */
export function withUsage(io: Io, usage: string, run: () => number): number {
  try {
    return run();
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err((e as Error).message);
      io.err(usage);
      return 2;
    }
    throw e;
  }
}

/** Runs `main` with the process arguments when this file is the one node was started with. */
export function runIfMain(moduleUrl: string, main: (argv: string[]) => number): void {
  if (process.argv[1] && moduleUrl === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
}
