/** The contract every CLI command module implements; commands live in ./commands and are listed in ./commands/index.ts. */

export interface CliIo {
  /** Writes a line to standard output (the newline is added). */
  out(line: string): void;
  /** Writes a line to standard error. */
  err(line: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** Writes text or bytes, creating missing parent directories. */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
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

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Arguments after the command name, e.g. '<file...>'. */
  usage: string;
  options: Record<string, OptionSpec>;
  /** Returns the process exit code: 0 success, 1 failure (usage errors throw UsageError). */
  run(args: ParsedArgs, context: CommandContext): Promise<number>;
}

/** A mistake in the command line: reported with a pointer to help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
