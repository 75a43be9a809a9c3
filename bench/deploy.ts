/**
 * The generated build against the simulator (issue 18, DESIGN.md §10), for the gesture impulse (spectral analysis
 * + 33-20-10-4 int8 network) and the keyword impulse (MFCC + the MLPerf Tiny int8 DS-CNN):
 * - deploy.flash_ratio / deploy.ram_ratio: the profile's estimate for the generated runtime on the Nano 33 BLE
 *   Sense (mcu/profile.ts) ÷ what arm-none-eabi-size gives for the exported library linked for a Cortex-M4F
 *   (-Os, --gc-sections, newlib-nano) with a main that holds the input window and calls run_impulse, minus the
 *   same program without the library (start-up code and libc's own data are not the model's);
 * - deploy.qemu_instructions: instructions of one run_impulse on QEMU's mps2-an386 with -icount shift=0, where
 *   SysTick ticks once per 40 instructions (DESIGN.md §11); deploy.cycles_per_instruction_implied: the profile's
 *   cycle estimate for the Nano's Cortex-M4F (latency × clock) ÷ that count;
 * - deploy.ram_vs_tflm / deploy.flash_vs_tflm: the generated build's measured RAM and flash ÷ the profile's
 *   estimate of the TensorFlow Lite Micro + CMSIS-NN build of the same model on the same board. RAM compares
 *   the model's part, as EON's published comparison does: the signal window, DSP buffers and feature vector,
 *   the same in both builds, are left out of both sides (deploy.ram_vs_tflm_whole keeps them).
 * Each name carries the impulse (`.gesture`, `.keywords`); the names without a suffix (DESIGN.md §10) summarise
 * both: the ratio furthest from 1 for flash_ratio, ram_ratio and cycles_per_instruction_implied, the higher of the
 * two for ram_vs_tflm and flash_vs_tflm, and the keyword impulse's count for qemu_instructions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { GeneratedFile } from '../src/core/codegen/c/generatedFile';
import { runOnQemu } from '../src/core/codegen/c/testUtils/bareMetal';
import { buildCortexM4Image, MPS2_AN386 } from '../src/core/codegen/c/testUtils/cortexM4';
import { CORTEX_M4_FLAGS, missingTools, run } from '../src/core/codegen/c/testUtils/toolchain';
import { windowFile } from '../src/core/codegen/dsp/testUtils/hostBuild';
import { impulseLibrarySources, type ImpulseSource } from '../src/core/deploy/impulseLibrary';
import {
  GESTURE,
  gestureClassifier,
  gestureTestWindows,
  KEYWORDS,
  keywordClassifier,
  keywordTestWindows,
  source,
} from '../src/core/deploy/testUtils/deployFixtures';
import { BOARDS } from '../src/core/mcu/boards';
import type { Runtime } from '../src/core/mcu/cost';
import { profileBoards } from '../src/core/mcu/profile';
import type { BoardProfile, BytesPart } from '../src/core/mcu/profileTypes';
import { writeTflite } from '../src/core/tflite';
import type { Benchmark, BenchResult } from './types';

const BOARD = BOARDS.nano33ble;
const RAM_VS_TFLM_GOAL =
  "well below 1 (EON reports 25–65 % less RAM than TFLite Micro); the model's RAM, the signal window and DSP buffers left out";
/** SysTick under -icount shift=0 on mps2: one tick per 40 instructions (DESIGN.md §11). */
const INSTRUCTIONS_PER_TICK = 40;
const RUNS = 3;
const SIZE_FLAGS = [
  ...CORTEX_M4_FLAGS,
  '-ffunction-sections',
  '-fdata-sections',
  '-Wl,--gc-sections',
  '--specs=nano.specs',
  '--specs=nosys.specs',
];

const SIZE_MAIN = `/* The generated build as a firmware holds it: the input window, the result, one call. */
#include "impulse.h"

static float signal[IMPULSE_SIGNAL_SIZE];
static impulse_result_t result;

int main(void) { return run_impulse(signal, &result); }
`;
const BASELINE_MAIN = 'int main(void) { return 0; }\n';

const COUNT_MAIN = `/* Instructions of run_impulse on QEMU (-icount shift=0): SysTick counts down once per 40 instructions. */
#include <stdint.h>
#include <stdio.h>

#include "impulse.h"

#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)
/* Counter enabled, processor clock, no interrupt. */
#define SYST_ENABLE_PROCESSOR_CLOCK 5u
#define SYST_MAX 0xFFFFFFu

static float signal[IMPULSE_SIGNAL_SIZE];
static impulse_result_t result;

/* Ticks since the counter was last reset: it counts down from SYST_MAX. */
static uint32_t ticks(void) { return SYST_MAX - SYST_CVR; }

int main(int argc, char **argv) {
  FILE *in = argc > 1 ? fopen(argv[1], "rb") : NULL;
  int i;
  if (in == NULL || fread(signal, sizeof signal, 1, in) != 1) return 2;
  fclose(in);
  SYST_RVR = SYST_MAX;
  SYST_CSR = SYST_ENABLE_PROCESSOR_CLOCK;
  impulse_set_clock(ticks);
  for (i = 0; i < ${RUNS}; i++) {
    uint32_t total;
    SYST_CVR = 0; /* reloads SYST_MAX at the next tick */
    while (SYST_CVR == 0) {
    }
    if (run_impulse(signal, &result) != IMPULSE_OK) return 1;
    total = ticks();
    printf("%lu %lu %lu\\n", (unsigned long)total, (unsigned long)result.timing.dsp_us,
           (unsigned long)result.timing.learn_us);
  }
  return 0;
}
`;

interface Measured {
  flash: number;
  ram: number;
}

/** Berkeley sizes of an ELF: flash = text + data, RAM = data + bss. */
async function size(elf: string): Promise<Measured> {
  const out = await run('Reading the build size', 'arm-none-eabi-size', [elf]);
  const [text, data, bss] = out.trim().split('\n')[1].trim().split(/\s+/).map(Number);
  return { flash: text + data, ram: data + bss };
}

async function link(dir: string, name: string, sources: string[]): Promise<Measured> {
  const elf = join(dir, `${name}.elf`);
  await run(`Linking ${name}`, 'arm-none-eabi-gcc', [
    ...SIZE_FLAGS,
    `-I${dir}`,
    ...sources,
    '-o',
    elf,
    '-lm',
  ]);
  return size(elf);
}

function write(dir: string, files: GeneratedFile[]): string[] {
  return files.map((f) => {
    const path = join(dir, basename(f.path));
    writeFileSync(path, f.contents);
    return path;
  });
}

function profile(s: ImpulseSource, runtime: Runtime): BoardProfile {
  const graph = s.precision === 'int8' ? s.model.int8!.graph : s.model.float!;
  return profileBoards(
    { graph, tfliteBytes: writeTflite(graph).length, impulse: { ...s.impulse, learn: s.model.learn } },
    [BOARD],
    runtime,
  )[0];
}

/** RAM parts the two builds hold alike (the signal window, DSP buffers, feature vector): not the model's RAM. */
function sharedRamParts(a: BoardProfile, b: BoardProfile): BytesPart[] {
  return a.ram.parts.filter((p) => b.ram.parts.some((q) => q.name === p.name && q.bytes === p.bytes));
}

async function measure(
  name: string,
  s: ImpulseSource,
  window: Float32Array,
): Promise<Record<string, BenchResult>> {
  const dir = mkdtempSync(join(tmpdir(), `bench-deploy-${name}-`));
  try {
    const lib = impulseLibrarySources(s);
    const sources = write(dir, lib.sources).filter((p) => p.endsWith('.c'));
    const [main, baseline] = write(dir, [
      { path: 'size_main.c', contents: SIZE_MAIN },
      { path: 'baseline_main.c', contents: BASELINE_MAIN },
    ]);
    const [withLibrary, without] = await Promise.all([
      link(dir, 'with_library', [...sources, main]),
      link(dir, 'baseline', [baseline]),
    ]);
    const real = { flash: withLibrary.flash - without.flash, ram: withLibrary.ram - without.ram };

    const countDir = join(dir, 'count');
    const elf = await buildCortexM4Image(countDir, 'count', [
      ...lib.sources.map((f) => ({ path: basename(f.path), contents: f.contents })),
      { path: 'count_main.c', contents: COUNT_MAIN },
    ]);
    writeFileSync(join(countDir, 'window.bin'), windowFile([window], window.length));
    const out = await runOnQemu(MPS2_AN386, countDir, elf, ['window.bin'], ['-icount', 'shift=0']);
    const rows = out
      .trim()
      .split('\n')
      .map((l) =>
        l
          .trim()
          .split(/\s+/)
          .map((v) => Number(v) * INSTRUCTIONS_PER_TICK),
      );
    const [instructions, dspInstructions, learnInstructions] = rows[rows.length - 1];

    const generated = profile(s, 'studio-generated');
    const tflm = profile(s, 'tflm-cmsis-nn');
    const sharedParts = sharedRamParts(generated, tflm);
    const shared = sharedParts.reduce((sum, p) => sum + p.bytes, 0);
    const sharedNames = sharedParts.map((p) => p.name).join(', ');
    const cycles = generated.latencyMs.ms * BOARD.clockMhz * 1000;
    const dspCycles = (generated.dspMs?.ms ?? 0) * BOARD.clockMhz * 1000;
    const nnCycles = (generated.nnMs?.ms ?? 0) * BOARD.clockMhz * 1000;
    console.log(
      `${name}: flash ${generated.flash.usedBytes} B estimated / ${real.flash} B arm-none-eabi-size; ` +
        `RAM ${generated.ram.usedBytes} / ${real.ram} B; TFLM + CMSIS-NN estimate: flash ${tflm.flash.usedBytes} B, RAM ${tflm.ram.usedBytes} B`,
    );
    console.log(
      `${name}: QEMU ${instructions} instructions per inference (DSP ${dspInstructions}, network ${learnInstructions}; ` +
        `runs: ${rows.map((r) => r[0]).join(', ')}); estimate ${Math.round(cycles)} cycles on the ${BOARD.name} ` +
        `(DSP ${Math.round(dspCycles)}, network ${Math.round(nnCycles)})`,
    );
    return {
      [`deploy.flash_ratio.${name}`]: {
        value: generated.flash.usedBytes / real.flash,
        unit: '×',
        goal: '0.8–1.25 (simulator flash estimate of the generated build ÷ arm-none-eabi-size)',
      },
      [`deploy.ram_ratio.${name}`]: {
        value: generated.ram.usedBytes / real.ram,
        unit: '×',
        goal: '0.8–1.25 (simulator RAM estimate of the generated build ÷ arm-none-eabi-size)',
      },
      [`deploy.qemu_instructions.${name}`]: {
        value: instructions,
        unit: 'instructions',
        goal: 'figure: one run_impulse on the emulated Cortex-M4 (QEMU mps2-an386, -icount)',
      },
      [`deploy.cycles_per_instruction_implied.${name}`]: {
        value: cycles / instructions,
        unit: 'cycles/instruction',
        goal: '1.1–1.6 (a Cortex-M4 retires at most one instruction per cycle; loads, taken branches and multi-cycle ops add cycles)',
      },
      [`deploy.ram_vs_tflm.${name}`]: {
        value: (real.ram - shared) / (tflm.ram.usedBytes - shared),
        unit: '×',
        goal: `${RAM_VS_TFLM_GOAL}: without the ${shared} B both builds share (${sharedNames})`,
      },
      [`deploy.ram_vs_tflm_whole.${name}`]: {
        value: real.ram / tflm.ram.usedBytes,
        unit: '×',
        goal: 'figure (the whole build, the shared signal window and DSP buffers included)',
      },
      [`deploy.flash_vs_tflm.${name}`]: {
        value: real.flash / tflm.flash.usedBytes,
        unit: '×',
        goal: 'below 1 (no interpreter in the generated build)',
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const IMPULSES = ['gesture', 'keywords'] as const;

/** The unsuffixed figure of `name`: `pick` chooses among the impulses' values; the goal says how. */
function summary(
  results: Record<string, BenchResult>,
  name: string,
  pick: (values: number[]) => number,
  how: string,
): Record<string, BenchResult> {
  const values = IMPULSES.map((i) => results[`${name}.${i}`].value);
  const first = results[`${name}.${IMPULSES[0]}`];
  // The per-impulse goal of ram_vs_tflm names that impulse's shared bytes; the summary keeps the general part.
  const goal = name === 'deploy.ram_vs_tflm' ? RAM_VS_TFLM_GOAL : first.goal;
  return { [name]: { value: pick(values), unit: first.unit, goal: `${goal}; ${how}` } };
}

/** The value furthest from `centre`, as a ratio. */
const furthestFrom = (centre: number) => (values: number[]) =>
  values.reduce((a, b) => (Math.abs(Math.log(b / centre)) > Math.abs(Math.log(a / centre)) ? b : a));
/** The geometric middle of the 1.1–1.6 cycles-per-instruction goal. */
const CPI_CENTRE = Math.sqrt(1.1 * 1.6);

export const deployBench: Benchmark = {
  name: 'deploy',
  run: async () => {
    const missing = missingTools(['arm-none-eabi-gcc', 'qemu-system-arm']);
    if (missing) throw new Error(`the deploy bench needs ${missing}`);
    const results = {
      ...(await measure('gesture', source(GESTURE, gestureClassifier(), 'int8'), gestureTestWindows()[0])),
      ...(await measure('keywords', source(KEYWORDS, keywordClassifier(), 'int8'), keywordTestWindows()[0])),
    };
    const furthest = 'of the gesture and keyword impulses, the one furthest from 1';
    const worse = 'of the gesture and keyword impulses, the higher';
    return {
      ...results,
      ...summary(results, 'deploy.flash_ratio', furthestFrom(1), furthest),
      ...summary(results, 'deploy.ram_ratio', furthestFrom(1), furthest),
      ...summary(
        results,
        'deploy.qemu_instructions',
        (v) => v[IMPULSES.indexOf('keywords')],
        'the keyword impulse',
      ),
      ...summary(
        results,
        'deploy.cycles_per_instruction_implied',
        furthestFrom(CPI_CENTRE),
        'of the gesture and keyword impulses, the one furthest from the middle of 1.1–1.6',
      ),
      ...summary(results, 'deploy.ram_vs_tflm', (v) => Math.max(...v), worse),
      ...summary(results, 'deploy.flash_vs_tflm', (v) => Math.max(...v), worse),
    };
  },
};
