// Makes sure a Chromium is there for the e2e tests: installs Debian's package when running as root,
// otherwise stops with the one command to run.
import { execSync } from 'node:child_process';
import { findChromium } from './chromium-path.mjs';

if (findChromium()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    'No Chromium found for the browser tests. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to a Chromium binary)',
  );
  process.exit(1);
}
console.log("No Chromium found: installing Debian's chromium package…");
execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium', {
  stdio: 'inherit',
});
if (!findChromium()) {
  console.error('apt-get finished but /usr/bin/chromium is still missing.');
  process.exit(1);
}
