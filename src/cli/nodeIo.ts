import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CliIo, OutputStream } from './command';

/** Erases the terminal line the cursor is on (carriage return, then ANSI "erase in line", whole line). */
const ERASE_LINE = '\r\x1b[2K';

function stdoutStream(): OutputStream {
  return {
    isTerminal: process.stdout.isTTY === true,
    // The callback runs once the chunk is flushed (or fails, e.g. EPIPE when the reader went away).
    write: (chunk) =>
      new Promise((resolve, reject) => process.stdout.write(chunk, (e) => (e ? reject(e) : resolve()))),
    close: async () => {},
    abort: async () => {},
  };
}

async function fileStream(path: string): Promise<OutputStream> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'w');
  // Only a regular file is removed on abort: never /dev/null or a pipe named with --out.
  const regularFile = (await handle.stat()).isFile();
  // One chunk is written while the producer computes the next: write() waits for the previous chunk only.
  // writeFile, unlike write, loops until every byte is written; it continues at the current position.
  let writing: Promise<void> = Promise.resolve();
  return {
    isTerminal: false,
    write: (chunk) => {
      const previous = writing;
      writing = previous.then(() => handle.writeFile(chunk));
      // Its failure is reported by the next write or by close; until then it is not an unhandled rejection.
      writing.catch(() => {});
      return previous;
    },
    close: async () => {
      try {
        await writing;
      } finally {
        await handle.close();
      }
    },
    abort: async () => {
      await writing.catch(() => {});
      await handle.close();
      if (regularFile) await rm(path, { force: true });
    },
  };
}

/** The CLI's input and output in Node: the process's standard streams and the file system. */
export function nodeIo(): CliIo {
  let statusShown = false;
  const clearStatus = () => {
    if (statusShown) process.stderr.write(ERASE_LINE);
    statusShown = false;
  };
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => {
      clearStatus();
      process.stderr.write(`${line}\n`);
    },
    readFile: async (path) => {
      const bytes = await readFile(path);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    writeFile: async (path, data) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
    },
    openOutput: (path) => (path === undefined ? Promise.resolve(stdoutStream()) : fileStream(path)),
    ...(process.stderr.isTTY
      ? {
          status: (line: string) => {
            process.stderr.write(`${ERASE_LINE}${line}`);
            statusShown = line !== '';
          },
        }
      : {}),
  };
}
