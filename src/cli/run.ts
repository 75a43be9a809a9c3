import { describeError } from '../core/errors';
import { parseArgs } from './args';
import { UsageError, type CliIo } from './command';
import { COMMANDS } from './commands';
import { commandHelp } from './commands/help';

/**
 * Runs `studio <command> [args]` and returns the exit code: 0 success, 1 a command failed (e.g. a file could not
 * be read), 2 a usage error. With no command, or `--help`/`-h`, prints help; `studio <command> --help` prints
 * the command's usage.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  const name = first === undefined || first === '--help' || first === '-h' ? 'help' : first;
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (command === undefined) throw new UsageError(`unknown command '${name}'`);
    const args = parseArgs(rest, command.options);
    if (args.help) {
      commandHelp(command).forEach((line) => io.out(line));
      return 0;
    }
    return await command.run(args, { io, commands: COMMANDS });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`studio: ${e.message}`);
      io.err(`Run 'studio help${command && command.name !== 'help' ? ` ${command.name}` : ''}' for usage.`);
      return 2;
    }
    io.err(`studio: ${describeError(e)}`);
    return 1;
  }
}
