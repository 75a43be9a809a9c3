// Makes sure the test suite's inputs are there: the shared test data beside the repository (read-only,
// never copied here), Debian's Chromium (browser tests), g++ (firmware encoder round trip, generated C), python3
// with numpy, SciPy and PyWavelets (DSP cross-checks), and the Arm cross compiler with QEMU (generated C on
// emulated Cortex-M cores). Installs the missing Debian packages when running as root,
// otherwise stops with the one command to run.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium-path.mjs';

// Tests read it as `../shared/testdata` from the repository root.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const testData = resolve(repoRoot, '../shared/testdata');
if (!existsSync(testData)) {
  console.error(
    `The shared test data is missing: the tests need the folder ${testData} ` +
      `(a "shared/testdata" folder next to this repository's folder, ${repoRoot}). ` +
      'Put the shared test files there, then run the tests again.',
  );
  process.exit(1);
}

const has = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const missing = [];
if (!findChromium()) missing.push('chromium');
if (!has('g++', ['--version'])) missing.push('g++');
if (!has('python3', ['-c', 'import numpy'])) missing.push('python3', 'python3-numpy');
// The wavelet cross-check runs the first of python3, /usr/bin/python3 that has PyWavelets and SciPy.
if (!['python3', '/usr/bin/python3'].some((python) => has(python, ['-c', 'import numpy, scipy, pywt'])))
  missing.push('python3-scipy', 'python3-pywt');
// The generated C runs on emulated Cortex-M cores (DESIGN.md §11): the cross compiler, its C library and QEMU.
if (!has('arm-none-eabi-gcc', ['--version'])) missing.push('gcc-arm-none-eabi', 'libnewlib-arm-none-eabi');
if (!has('qemu-system-arm', ['--version'])) missing.push('qemu-system-arm');
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
