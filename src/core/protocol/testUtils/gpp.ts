/**
 * g++ for the firmware host tests (firmware/host_test): a clear message when it is missing, and when the code
 * does not compile, the message carries what g++ said.
 */
import { execFile, spawnSync } from 'node:child_process';

let checked = false;

function requireGpp(): void {
  if (checked) return;
  const version = spawnSync('g++', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    throw new Error(
      'g++ is required to check the firmware (firmware/host_test) but could not be run: ' +
        `${version.error?.message ?? version.stderr}. Install it (Debian/Ubuntu: apt-get install g++).`,
    );
  }
  checked = true;
}

/** Runs `g++ ...args` (sources, flags, -o output); rejects with g++'s diagnostics, naming `what` was built. */
export function gpp(what: string, args: string[]): Promise<void> {
  requireGpp();
  return new Promise((resolve, reject) => {
    execFile('g++', args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error)
        reject(new Error(`${what} does not compile (g++ ${args.join(' ')}):\n${stderr || error.message}`));
      else resolve();
    });
  });
}
