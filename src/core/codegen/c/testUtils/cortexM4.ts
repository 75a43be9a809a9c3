/**
 * A bare-metal Cortex-M4F image for QEMU's mps2-an386 board (DESIGN.md §11): a linker script (code at 0,
 * RAM at 0x20000000), a vector table and a reset handler that copies .data, enables the FPU and calls
 * newlib's _start; linked with rdimon.specs, so stdio and exit go to the host through semihosting and
 * `fopen` opens host files relative to QEMU's working directory.
 */
import { join } from 'node:path';
import type { GeneratedFile } from '../generatedFile';
import { CORTEX_M4_FLAGS, run, WARNING_FLAGS, writeFiles } from './toolchain';

const LINKER_SCRIPT = `/* mps2-an386: 4 MB of code memory at 0, 4 MB of RAM at 0x20000000. */
MEMORY {
  FLASH (rx) : ORIGIN = 0x00000000, LENGTH = 4M
  RAM (rwx) : ORIGIN = 0x20000000, LENGTH = 4M
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

const STARTUP = `/* Reset handler and vector table for the mps2-an386 (Cortex-M4F) under QEMU. */
#include <stdint.h>

extern uint32_t __data_start__, __data_end__, __data_load__, __stack_top__;
extern void _start(void);
void reset_handler(void);

/* Coprocessor Access Control Register: full access to CP10 and CP11 turns the FPU on. */
#define CPACR (*(volatile uint32_t *)0xE000ED88u)
#define CPACR_FPU_FULL_ACCESS (0xFu << 20)

void reset_handler(void) {
  uint32_t *from = &__data_load__;
  uint32_t *to = &__data_start__;
  while (to < &__data_end__) *to++ = *from++;
  CPACR |= CPACR_FPU_FULL_ACCESS;
  __asm volatile("dsb\\n\\tisb");
  _start(); /* newlib: clears .bss, parses argv from the semihosting command line, calls main, exits */
  for (;;) {
  }
}

/* Initial stack pointer and reset handler; QEMU needs no other vector for a program that takes no interrupt. */
__attribute__((section(".vectors"), used)) static const uintptr_t vectors[16] = {
    (uintptr_t)&__stack_top__,
    (uintptr_t)reset_handler,
};
`;

/** Links `files` (generated sources and headers) with the start-up code into `dir/<name>.elf`. */
export async function buildCortexM4Image(dir: string, name: string, files: GeneratedFile[]): Promise<string> {
  const paths = writeFiles(dir, [
    ...files,
    { path: 'mps2_startup.c', contents: STARTUP },
    { path: 'mps2.ld', contents: LINKER_SCRIPT },
  ]);
  const elf = join(dir, `${name}.elf`);
  // The compiler's default dialect (GNU C) as an Arduino build uses it: unlike -std=c99 it contracts
  // a * b + c into the M4F's fused multiply-add unless the sources forbid it.
  await run('Building the Cortex-M4 image', 'arm-none-eabi-gcc', [
    ...CORTEX_M4_FLAGS,
    ...WARNING_FLAGS,
    '--specs=rdimon.specs',
    '-T',
    join(dir, 'mps2.ld'),
    ...paths.filter((p) => p.endsWith('.c')),
    '-o',
    elf,
    '-lm',
  ]);
  return elf;
}

/** Runs an image on QEMU's mps2-an386 with `args` as its argv (file names relative to `dir`). */
export function runOnCortexM4(dir: string, elf: string, args: string[]): Promise<string> {
  return run(
    'Running on QEMU mps2-an386',
    'qemu-system-arm',
    [
      '-M',
      'mps2-an386',
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
