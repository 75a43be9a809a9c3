// Makes sure the test suite's system tools are there: Debian's Chromium (browser tests), g++ (firmware
// encoder round trip) and python3 with numpy (DSP cross-checks). Installs the missing Debian packages when
// running as root, otherwise stops with the one command to run.
import { execSync, spawnSync } from 'node:child_process';
import { findChromium } from './chromium-path.mjs';

const has = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const missing = [];
if (!findChromium()) missing.push('chromium');
if (!has('g++', ['--version'])) missing.push('g++');
if (!has('python3', ['-c', 'import numpy'])) missing.push('python3', 'python3-numpy');
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `The tests need Debian packages that are missing (${missing.join(', ')}). Install them with:\n  sudo sh -c '${command}'\n(or set CHROMIUM_PATH to a Chromium binary)`,
  );
  process.exit(1);
}
console.log(`Installing the test suite's missing Debian packages: ${missing.join(', ')}…`);
execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
if (!findChromium()) {
  console.error('apt-get finished but /usr/bin/chromium is still missing.');
  process.exit(1);
}
