import { readFile } from 'node:fs/promises';

/** A CliIo for tests: captures output and written files; reads the given in-memory files, else the disk. */
export function fakeIo(files: Record<string, Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string | Uint8Array> = {};
  return {
    out,
    err,
    written,
    io: {
      writeFile: async (path: string, data: string | Uint8Array) => {
        written[path] = data;
      },
      out: (line: string) => out.push(line),
      err: (line: string) => err.push(line),
      readFile: async (path: string) => {
        if (Object.hasOwn(files, path)) return files[path];
        return new Uint8Array(await readFile(path));
      },
    },
  };
}
