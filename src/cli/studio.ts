/**
 * The headless studio: `npm run studio -- <command> [args]` (see `npm run studio -- help`). scripts/studio.mjs
 * runs it from a bundle it keeps up to date; `tsx src/cli/studio.ts` runs the same from source.
 */
import { nodeIo } from './nodeIo';
import { runCli } from './run';

// A failed write to stdout (EPIPE: the reader went away) rejects that write's promise, which reports it;
// without a listener the stream's 'error' event would also crash the process with a stack trace.
process.stdout.on('error', () => {});
process.exitCode = await runCli(process.argv.slice(2), nodeIo());
