/** The headless studio: `npm run studio -- <command> [args]` (see `npm run studio -- help`). */
import { readFile, writeFile } from 'node:fs/promises';
import { runCli } from './run';

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
  readFile: async (path: string) => new Uint8Array(await readFile(path)),
  writeFile: (path: string, text: string) => writeFile(path, text),
};

process.exitCode = await runCli(process.argv.slice(2), io);
