/**
 * What a command may touch of the outside world, so that tests run commands without a process, and
 * the exit codes every command shares.
 */
import type { ReadFile } from './load.ts';

export interface CliIo {
  /** Writes text as given (callers add the newline). */
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file as UTF-8 text; throws a Node file-system error when it cannot. */
  readFile: ReadFile;
  /** Style output with ANSI colours; main.ts sets it when stdout is a TTY and NO_COLOR is unset. */
  color?: boolean;
  /**
   * The files a path names: itself when it is a file, every file below it (sorted, recursively) when
   * it is a folder. Throws a Node file-system error when the path cannot be read. Without it, every
   * path is taken as a file.
   */
  listFiles?: (path: string) => string[];
  /** Writes a UTF-8 text file; throws a Node file-system error when it cannot. */
  writeFile?: (path: string, text: string) => void;
}

/** Success, and `trace` whatever its verdict. */
export const EXIT_OK = 0;
/** A check failed (`check`) or the configuration has an error (`lint`). */
export const EXIT_FAILED = 1;
/** Bad input: unreadable file, not a document, unknown endpoint, bad option, and internal errors. */
export const EXIT_BAD_INPUT = 2;

/** Writes lines to stdout, one newline each. */
export function printLines(io: CliIo, lines: readonly string[]): void {
  if (lines.length > 0) io.stdout(`${lines.join('\n')}\n`);
}

/** The one message of a failed command, on stderr. */
export function printError(io: CliIo, message: string): void {
  io.stderr(`vpcsim: ${message}\n`);
}
