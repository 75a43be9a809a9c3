import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeWav } from '../core/formats/wav';
import { parseArgs } from './args';
import { UsageError } from './command';
import { runCli } from './run';
import { fakeIo } from './fakeIo';
import { COMMANDS } from './commands';

describe('parseArgs', () => {
  const specs = {
    label: { type: 'string', description: '' },
    pretty: { type: 'boolean', description: '' },
  } as const;
  it('reads positionals, string and boolean options, and --', () => {
    expect(parseArgs(['a', '--label', 'x', 'b', '--pretty', '--label=y', '--', '--pretty'], specs)).toEqual({
      positionals: ['a', 'b', '--pretty'],
      options: { label: 'y', pretty: true },
    });
  });
  it('takes --help and -h in any command, except as an option value or after --', () => {
    expect(parseArgs(['x', '--help'], specs)).toEqual({ positionals: ['x'], options: {}, help: true });
    expect(parseArgs(['-h'], specs).help).toBe(true);
    expect(parseArgs(['--label', '--help', '--', '-h'], specs)).toEqual({
      positionals: ['-h'],
      options: { label: '--help' },
    });
  });
  it.each([
    [['--nope'], 'unknown option --nope'],
    [['--label'], 'option --label needs a value'],
    [['--pretty=1'], 'option --pretty takes no value'],
  ])('%j → %s', (args, message) => {
    expect(() => parseArgs(args, specs)).toThrow(new UsageError(message));
  });
});

describe('studio CLI', () => {
  it('prints help with every command and exits 0', async () => {
    const { io, out } = fakeIo();
    expect(await runCli([], io)).toBe(0);
    expect(out.join('\n')).toMatch(
      /Commands:\n {2}help +Show the commands.*\n {2}inspect +Import data files/,
    );
    expect(await runCli(['help', 'inspect'], io)).toBe(0);
    expect(out).toContain('Usage: studio inspect <file...>');
  });

  it.each(COMMANDS.map((c) => c.name))(
    "'studio %s --help' and '-h' print the command's usage and options and exit 0",
    async (name) => {
      const command = COMMANDS.find((c) => c.name === name)!;
      for (const flag of ['--help', '-h']) {
        const { io, out, err } = fakeIo();
        // Even with the command's own arguments missing: help does not run the command.
        expect(await runCli([name, flag], io)).toBe(0);
        expect(err).toEqual([]);
        expect(out[0]).toBe(`Usage: studio ${name}${command.usage ? ` ${command.usage}` : ''}`);
        for (const option of Object.keys(command.options)) {
          expect(out.some((line) => line.startsWith(`  --${option}`))).toBe(true);
        }
        expect(out.at(-1)).toMatch(/^ {2}--help, -h +show this help$/);
      }
    },
  );

  it('exits 2 on an unknown command or option', async () => {
    const { io, err } = fakeIo();
    expect(await runCli(['teleport'], io)).toBe(2);
    expect(err).toEqual(["studio: unknown command 'teleport'", "Run 'studio help' for usage."]);
    expect(await runCli(['inspect'], io)).toBe(2);
    expect(err.slice(2)).toEqual([
      'studio: inspect needs at least one file',
      "Run 'studio help inspect' for usage.",
    ]);
  });

  it('inspects files as JSON lines and exits 1 when one fails', async () => {
    const { io, out } = fakeIo({
      'mem/yes.a.wav': writeWav(Int16Array.from([1, 2, 3, 4]), 8000),
      'mem/bad.csv': new TextEncoder().encode('a,b\n1,2\n'),
    });
    const code = await runCli(['inspect', 'mem/yes.a.wav', 'mem/bad.csv', 'mem/missing.wav'], io);
    expect(code).toBe(1);
    const lines = out.map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({
      file: 'mem/yes.a.wav',
      ok: true,
      samples: [
        {
          name: 'yes.a',
          label: 'yes',
          sensors: [{ name: 'audio', units: 'wav' }],
          intervalMs: 0.125,
          frequencyHz: 8000,
          frames: 4,
          durationMs: 0.5,
          deviceName: '',
          deviceType: 'IMPORT',
        },
      ],
      notes: [],
    });
    expect(lines[1]).toMatchObject({ file: 'mem/bad.csv', ok: false, error: { code: 'invalid-csv' } });
    expect(lines[1].error.message).toMatch(/^mem\/bad\.csv: no 'timestamp' column/);
    expect(lines[2]).toMatchObject({ file: 'mem/missing.wav', ok: false, error: { code: 'read-failed' } });
  });

  it('inspects the shared recordings with a label and exits 0', async () => {
    const { io, out } = fakeIo();
    const file = resolve(process.cwd(), '../shared/testdata/audio/yes_1000ms.wav');
    expect(await runCli(['inspect', '--label', 'yes', file], io)).toBe(0);
    expect(JSON.parse(out[0]).samples[0]).toMatchObject({
      label: 'yes',
      frames: 16000,
      frequencyHz: 16000,
      durationMs: 1000,
    });
  });
});
