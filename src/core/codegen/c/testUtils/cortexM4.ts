/**
 * The Cortex-M4F image for QEMU's mps2-an386 board (DESIGN.md §11): 4 MB of code memory and 4 MB of RAM, the
 * FPU turned on at reset; built and run through bareMetal.ts.
 */
import type { GeneratedFile } from '../generatedFile';
import { buildBareMetalImage, runOnQemu, type BareMetalBoard } from './bareMetal';
import { CORTEX_M4_FLAGS } from './toolchain';

export const MPS2_AN386: BareMetalBoard = {
  machine: 'mps2-an386',
  title: 'mps2-an386 (Cortex-M4F)',
  stem: 'mps2',
  flash: '4M',
  ram: '4M',
  // The compiler's default dialect (GNU C) as an Arduino build uses it: unlike -std=c99 it contracts
  // a * b + c into the M4F's fused multiply-add unless the sources forbid it.
  compilerFlags: CORTEX_M4_FLAGS,
  specs: [],
  enableFpu: true,
};

/** Links `files` (generated sources and headers) with the start-up code into `dir/<name>.elf`. */
export function buildCortexM4Image(dir: string, name: string, files: GeneratedFile[]): Promise<string> {
  return buildBareMetalImage(MPS2_AN386, dir, name, files);
}

/** Runs an image on QEMU's mps2-an386 with `args` as its argv (file names relative to `dir`). */
export function runOnCortexM4(dir: string, elf: string, args: string[]): Promise<string> {
  return runOnQemu(MPS2_AN386, dir, elf, args);
}
