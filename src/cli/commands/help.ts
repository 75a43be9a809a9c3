import { UsageError, type Command } from '../command';

/** A command's usage, options and the `--help` every command takes, as `studio help <command>` prints it. */
export function commandHelp(command: Command): string[] {
  const lines = [
    `Usage: studio ${command.name}${command.usage ? ` ${command.usage}` : ''}`,
    '',
    command.summary,
    '',
    'Options:',
  ];
  for (const [name, spec] of Object.entries(command.options)) {
    const flag = spec.type === 'string' ? `--${name} ${spec.valueName ?? '<value>'}` : `--${name}`;
    lines.push(`  ${flag.padEnd(24)} ${spec.description}`);
  }
  lines.push(`  ${'--help, -h'.padEnd(24)} show this help`);
  return lines;
}

export const help: Command = {
  name: 'help',
  summary: 'Show the commands, or the usage of one command.',
  usage: '[command]',
  options: {},
  async run({ positionals }, { io, commands }) {
    if (positionals.length > 1) throw new UsageError('help takes at most one command name');
    const [name] = positionals;
    if (name !== undefined) {
      const command = commands.find((c) => c.name === name);
      if (command === undefined) throw new UsageError(`unknown command '${name}'`);
      commandHelp(command).forEach((line) => io.out(line));
      return 0;
    }
    const width = Math.max(...commands.map((c) => c.name.length)) + 2;
    [
      'TinyML Studio, headless: the same core as the web app, for scripts and CI.',
      '',
      'Usage: studio <command> [args]',
      '',
      'Commands:',
      ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
      '',
      "Run 'studio help <command>' for a command's arguments and options.",
    ].forEach((line) => io.out(line));
    return 0;
  },
};
