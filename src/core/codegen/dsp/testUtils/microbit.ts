/**
 * A bare-metal image for QEMU's `microbit` board (nRF51822: Cortex-M0, ARMv6-M — the M0+ instruction set — with
 * 256 KB of flash at 0 and 16 KB of RAM at 0x20000000, no FPU; DESIGN.md §11): float arithmetic runs in
 * software, the DSP's soft-float path. Linked with newlib-nano and semihosting (nano.specs, rdimon.specs), so
 * stdio and exit reach the host and `fopen` opens host files relative to QEMU's working directory.
 */
import { join } from 'node:path';
import type { GeneratedFile } from '../../c/generatedFile';
import { run, WARNING_FLAGS, writeFiles } from '../../c/testUtils/toolchain';

export const CORTEX_M0_FLAGS = ['-mcpu=cortex-m0', '-mthumb', '-mfloat-abi=soft', '-Os'];

const LINKER_SCRIPT = `/* microbit (nRF51822): 256 KB of flash at 0, 16 KB of RAM at 0x20000000. */
MEMORY {
  FLASH (rx) : ORIGIN = 0x00000000, LENGTH = 256K
  RAM (rwx) : ORIGIN = 0x20000000, LENGTH = 16K
}
ENTRY(reset_handler)
SECTIONS {
  .text : { KEEP(*(.vectors)) *(.text*) *(.rodata*) . = ALIGN(4); } > FLASH
  .ARM.exidx : { *(.ARM.exidx*) } > FLASH
  .init_array : { __init_array_start = .; KEEP(*(.init_array*)) __init_array_end = .; } > FLASH
  .data : { __data_start__ = .; *(.data*) . = ALIGN(4); __data_end__ = .; } > RAM AT > FLASH
  __data_load__ = LOADADDR(.data);
  .bss (NOLOAD) : { __bss_start__ = .; *(.bss*) *(COMMON) . = ALIGN(4); __bss_end__ = .; } > RAM
  end = .;
  __end__ = .;
  __stack_top__ = ORIGIN(RAM) + LENGTH(RAM);
}
`;

const STARTUP = `/* Reset handler and vector table for the microbit (Cortex-M0, no FPU) under QEMU. */
#include <stdint.h>

extern uint32_t __data_start__, __data_end__, __data_load__, __stack_top__;
extern void _start(void);
void reset_handler(void);

void reset_handler(void) {
  uint32_t *from = &__data_load__;
  uint32_t *to = &__data_start__;
  while (to < &__data_end__) *to++ = *from++;
  _start(); /* newlib: clears .bss, parses argv from the semihosting command line, calls main, exits */
  for (;;) {
  }
}

/* Initial stack pointer and reset handler; no interrupt is taken. */
__attribute__((section(".vectors"), used)) static const uintptr_t vectors[16] = {
    (uintptr_t)&__stack_top__,
    (uintptr_t)reset_handler,
};
`;

/** Links `files` with the start-up code into `dir/<name>.elf` for the Cortex-M0. */
export async function buildMicrobitImage(dir: string, name: string, files: GeneratedFile[]): Promise<string> {
  const paths = writeFiles(dir, [
    ...files,
    { path: 'microbit_startup.c', contents: STARTUP },
    { path: 'microbit.ld', contents: LINKER_SCRIPT },
  ]);
  const elf = join(dir, `${name}.elf`);
  await run('Building the Cortex-M0 image', 'arm-none-eabi-gcc', [
    ...CORTEX_M0_FLAGS,
    ...WARNING_FLAGS,
    '--specs=nano.specs',
    '--specs=rdimon.specs',
    '-T',
    join(dir, 'microbit.ld'),
    ...paths.filter((p) => p.endsWith('.c')),
    '-o',
    elf,
    '-lm',
  ]);
  return elf;
}

/** Runs an image on QEMU's microbit with `args` as its argv (file names relative to `dir`). */
export function runOnMicrobit(dir: string, elf: string, args: string[]): Promise<string> {
  return run(
    'Running on QEMU microbit',
    'qemu-system-arm',
    [
      '-M',
      'microbit',
      '-nographic',
      '-semihosting-config',
      'enable=on,target=native',
      '-kernel',
      elf,
      '-append',
      args.join(' '),
    ],
    dir,
  );
}
