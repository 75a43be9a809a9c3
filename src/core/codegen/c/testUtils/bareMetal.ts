/**
 * Bare-metal images for QEMU's Cortex-M boards (DESIGN.md §11): a linker script (code at 0, RAM at 0x20000000),
 * a vector table and a reset handler that copies .data, optionally enables the FPU, and calls newlib's _start;
 * linked with rdimon.specs, so stdio and exit go to the host through semihosting and `fopen` opens host files
 * relative to QEMU's working directory. cortexM4.ts and microbit.ts name the two boards the tests use.
 */
import { join } from 'node:path';
import type { GeneratedFile } from '../generatedFile';
import { run, WARNING_FLAGS, writeFiles } from './toolchain';

export interface BareMetalBoard {
  /** QEMU's -M machine. */
  machine: string;
  /** What the board is, for comments and error messages. */
  title: string;
  /** The start-up and linker-script file stem. */
  stem: string;
  flash: string;
  ram: string;
  compilerFlags: string[];
  /** Specs beyond rdimon.specs (e.g. newlib-nano where RAM is small). */
  specs: string[];
  /** Turn the FPU on in the reset handler (CP10 and CP11 full access). */
  enableFpu: boolean;
}

function linkerScript(board: BareMetalBoard): string {
  return `/* ${board.title}: ${board.flash} of code memory at 0, ${board.ram} of RAM at 0x20000000. */
MEMORY {
  FLASH (rx) : ORIGIN = 0x00000000, LENGTH = ${board.flash}
  RAM (rwx) : ORIGIN = 0x20000000, LENGTH = ${board.ram}
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
}

const FPU_ON = `
  CPACR |= CPACR_FPU_FULL_ACCESS;
  __asm volatile("dsb\\n\\tisb");`;

const FPU_REGISTER = `
/* Coprocessor Access Control Register: full access to CP10 and CP11 turns the FPU on. */
#define CPACR (*(volatile uint32_t *)0xE000ED88u)
#define CPACR_FPU_FULL_ACCESS (0xFu << 20)
`;

function startup(board: BareMetalBoard): string {
  return `/* Reset handler and vector table for the ${board.title} under QEMU. */
#include <stdint.h>

extern uint32_t __data_start__, __data_end__, __data_load__, __stack_top__;
extern void _start(void);
void reset_handler(void);
${board.enableFpu ? FPU_REGISTER : ''}
void reset_handler(void) {
  uint32_t *from = &__data_load__;
  uint32_t *to = &__data_start__;
  while (to < &__data_end__) *to++ = *from++;${board.enableFpu ? FPU_ON : ''}
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
}

/** Links `files` (generated sources and headers) with the board's start-up code into `dir/<name>.elf`. */
export async function buildBareMetalImage(
  board: BareMetalBoard,
  dir: string,
  name: string,
  files: GeneratedFile[],
): Promise<string> {
  const paths = writeFiles(dir, [
    ...files,
    { path: `${board.stem}_startup.c`, contents: startup(board) },
    { path: `${board.stem}.ld`, contents: linkerScript(board) },
  ]);
  const elf = join(dir, `${name}.elf`);
  await run(`Building the ${board.title} image`, 'arm-none-eabi-gcc', [
    ...board.compilerFlags,
    ...WARNING_FLAGS,
    ...board.specs,
    '--specs=rdimon.specs',
    '-T',
    join(dir, `${board.stem}.ld`),
    ...paths.filter((p) => p.endsWith('.c')),
    '-o',
    elf,
    '-lm',
  ]);
  return elf;
}

/**
 * Runs an image on the board's QEMU machine with `args` as its argv (file names relative to `dir`);
 * `qemuOptions` go before the image (e.g. -icount).
 */
export function runOnQemu(
  board: BareMetalBoard,
  dir: string,
  elf: string,
  args: string[],
  qemuOptions: string[] = [],
): Promise<string> {
  return run(
    `Running on QEMU ${board.machine}`,
    'qemu-system-arm',
    [
      '-M',
      board.machine,
      ...qemuOptions,
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
