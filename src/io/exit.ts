// The one way out of a run (ExitError: cli.ts decides how the process ends) and
// the outside world a run is given (streams, environment, clock, signals). Here,
// below the commands, because the I/O layer refuses with them too (a file that
// exists, a folder that cannot be written).
import type { Lang, Localized } from '../core/diagnostic.js';

export class ExitError extends Error {
  constructor(
    readonly exitCode: number,
    message?: string,
  ) {
    super(message ?? '');
  }
}

/** Exit code 1 with a message in the user's language. */
export function fail(lang: Lang, text: Localized): never {
  throw new ExitError(1, text[lang]);
}

/** Exit code 2: the command line itself is wrong. */
export function usage(lang: Lang, text: Localized): never {
  throw new ExitError(2, text[lang]);
}

/** Where a command's text goes: process.stdout/stderr in bin/plan.js, a buffer in tests. */
export interface Output {
  /**
   * Text, or UTF-8 bytes. True when it keeps the very bytes given to write them
   * later (a stream still waiting): the caller must not change them then.
   */
  write(text: string | Uint8Array): boolean | void;
  isTTY?: boolean;
  /** The terminal's width, when it is one. */
  columns?: number;
}

/** Everything of the outside world a command may use besides files: streams, environment, clock. */
export interface CliIo {
  stdout: Output;
  stderr: Output;
  env: Readonly<Record<string, string | undefined>>;
  now: () => Date;
  /**
   * Run cleanup if SIGINT, SIGTERM or SIGHUP ends the process (bin/plan.js
   * traps them and exits 130/143/129); absent in process, where nothing is trapped.
   */
  onSignal?: (cleanup: () => void) => void;
}
