/**
 * The contract every CLI command implements; commands live in ./commands and are listed in ./commands/index.ts,
 * which imports a command's module (and its dependencies, e.g. tfjs) only when that command runs.
 */

/** A stream of output written as it is produced: a file or standard output. */
export interface OutputStream {
  /** Standard output on a terminal: no place for binary data. */
  readonly isTerminal: boolean;
  /**
   * Resolves when the stream takes the next chunk (at most one is still being written), so a producer never
   * runs far ahead of the disk or the pipe. The stream may read `chunk` until then: do not change it. A failed
   * write rejects a later write or close.
   */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Writes what is pending and closes; standard output stays open. */
  close(): Promise<void>;
  /** Closes after a failure: a file is removed rather than left half written. */
  abort(): Promise<void>;
}

export interface CliIo {
  /** Writes a line to standard output (the newline is added). */
  out(line: string): void;
  /** Writes a line to standard error. */
  err(line: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** Writes text or bytes, creating missing parent directories. */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /** Opens the file at `path` for writing (missing parent directories created), or standard output. */
  openOutput(path: string | undefined): Promise<OutputStream>;
  /**
   * Replaces the one status line on standard error in place ('' clears it). Present only when standard
   * error is a terminal, so progress never ends up in a log or a pipe.
   */
  status?: (line: string) => void;
}

export interface OptionSpec {
  /** 'string' options take a value (`--label idle` or `--label=idle`); 'boolean' ones do not. */
  type: 'string' | 'boolean';
  description: string;
  /** Shown in help for string options, e.g. '<label>'. */
  valueName?: string;
}

export interface ParsedArgs {
  positionals: string[];
  /** Values of the options given; booleans are true when present. */
  options: Record<string, string | boolean>;
  /** `--help` or `-h` was given: every command then prints its usage instead of running. */
  help?: true;
}

export interface CommandContext {
  io: CliIo;
  /** Every registered command (for help). */
  commands: readonly Command[];
}

/** What help shows of a command: known without loading the command's module. */
export interface CommandSpec {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Arguments after the command name, e.g. '<file...>'. */
  usage: string;
  options: Record<string, OptionSpec>;
}

/** Returns the process exit code: 0 success, 1 failure (usage errors throw UsageError). */
export type CommandRun = (args: ParsedArgs, context: CommandContext) => Promise<number>;

export interface Command extends CommandSpec {
  run: CommandRun;
}

/**
 * A command whose module is imported when it runs, not when the CLI starts: `studio help` or `studio features`
 * then never load what only `train` needs (tfjs and its backends take most of a second to load).
 */
export function lazyCommand(spec: CommandSpec, load: () => Promise<{ run: CommandRun }>): Command {
  return { ...spec, run: async (args, context) => (await load()).run(args, context) };
}

/** A mistake in the command line: reported with a pointer to help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
