/** The headless studio: `npm run studio -- <command> [args]` (see `npm run studio -- help`). */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runCli } from './run';

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
  readFile: async (path: string) => new Uint8Array(await readFile(path)),
  writeFile: async (path: string, data: string | Uint8Array) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
  },
};

process.exitCode = await runCli(process.argv.slice(2), io);
