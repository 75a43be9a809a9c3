import { readFile } from 'node:fs/promises';
import type { OutputStream } from './command';

const concat = (chunks: (string | Uint8Array)[]): string | Uint8Array => {
  if (chunks.every((c) => typeof c === 'string')) return chunks.join('');
  const bytes = chunks.map((c) => (typeof c === 'string' ? new TextEncoder().encode(c) : c));
  const out = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const b of bytes) {
    out.set(b, offset);
    offset += b.length;
  }
  return out;
};

/**
 * A CliIo for tests: captures output, written files and (with `terminal`, standing for a terminal on both
 * standard streams) status lines; reads the given in-memory files, else the disk. Streamed text to standard
 * output lands in `out` line by line, streamed bytes in `stdoutBytes`.
 */
export function fakeIo(files: Record<string, Uint8Array> = {}, { terminal = false } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string | Uint8Array> = {};
  const statuses: string[] = [];
  const stdoutBytes: Uint8Array[] = [];
  const openOutput = async (path: string | undefined): Promise<OutputStream> => {
    const chunks: (string | Uint8Array)[] = [];
    return {
      isTerminal: path === undefined && terminal,
      write: async (chunk) => {
        chunks.push(typeof chunk === 'string' ? chunk : chunk.slice());
      },
      close: async () => {
        const data = concat(chunks);
        if (path !== undefined) written[path] = data;
        else if (typeof data === 'string') out.push(...data.replace(/\n$/, '').split('\n'));
        else stdoutBytes.push(data);
      },
      abort: async () => {},
    };
  };
  return {
    out,
    err,
    written,
    statuses,
    stdoutBytes,
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
      openOutput,
      ...(terminal ? { status: (line: string) => statuses.push(line) } : {}),
    },
  };
}
