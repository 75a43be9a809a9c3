import { UsageError, type OptionSpec, type ParsedArgs } from './command';

/**
 * Splits a command's arguments into positionals and the options it declares. Accepts `--name value`,
 * `--name=value` and boolean `--flag`; `--` ends the options. Unknown options and missing values are errors.
 * `--help` and `-h` are every command's: they set `help`.
 */
export function parseArgs(args: readonly string[], specs: Record<string, OptionSpec>): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], options: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      parsed.positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') {
      parsed.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (spec === undefined) throw new UsageError(`unknown option --${name}`);
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      parsed.options[name] = true;
    } else if (eq >= 0) {
      parsed.options[name] = arg.slice(eq + 1);
    } else if (i + 1 < args.length) {
      parsed.options[name] = args[++i];
    } else {
      throw new UsageError(`option --${name} needs a value`);
    }
  }
  return parsed;
}
