// `npm run studio -- <command> [args]`: runs the headless CLI (src/cli/studio.ts) from its bundle, built on
// the first run and whenever a source changed (scripts/cliBundle.mjs). `npx tsx src/cli/studio.ts` runs the
// same code from source, more slowly.
import { pathToFileURL } from 'node:url';
import { cliBundle } from './cliBundle.mjs';

let entry;
try {
  ({ entry } = await cliBundle());
} catch (e) {
  process.stderr.write(`studio: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
await import(pathToFileURL(entry).href);
