/**
 * A bare-metal image for QEMU's `microbit` board (nRF51822: Cortex-M0, ARMv6-M — the M0+ instruction set — with
 * 256 KB of flash at 0 and 16 KB of RAM at 0x20000000, no FPU; DESIGN.md §11): float arithmetic runs in
 * software, the DSP's soft-float path. Linked with newlib-nano (the RAM is small) through bareMetal.ts.
 */
import type { GeneratedFile } from '../../c/generatedFile';
import { buildBareMetalImage, runOnQemu, type BareMetalBoard } from '../../c/testUtils/bareMetal';

const CORTEX_M0_FLAGS = ['-mcpu=cortex-m0', '-mthumb', '-mfloat-abi=soft', '-Os'];

const MICROBIT: BareMetalBoard = {
  machine: 'microbit',
  title: 'microbit (Cortex-M0, no FPU)',
  stem: 'microbit',
  flash: '256K',
  ram: '16K',
  compilerFlags: CORTEX_M0_FLAGS,
  specs: ['--specs=nano.specs'],
  enableFpu: false,
};

/** Links `files` with the start-up code into `dir/<name>.elf` for the Cortex-M0. */
export function buildMicrobitImage(dir: string, name: string, files: GeneratedFile[]): Promise<string> {
  return buildBareMetalImage(MICROBIT, dir, name, files);
}

/** Runs an image on QEMU's microbit with `args` as its argv (file names relative to `dir`). */
export function runOnMicrobit(dir: string, elf: string, args: string[]): Promise<string> {
  return runOnQemu(MICROBIT, dir, elf, args);
}
