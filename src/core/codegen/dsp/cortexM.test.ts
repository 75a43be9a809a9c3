/**
 * The generated DSP on emulated microcontrollers (DESIGN.md §8, §11):
 * - Cortex-M4F: arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -Os (-Wall -Wextra -Werror), a
 *   bare-metal image for QEMU's mps2-an386 run with semihosting on window files: the gesture impulse's spectral
 *   analysis and the MFCC of the shared recordings, every feature within the host tests' tolerances of the TS
 *   block (compareFeatures.ts; newlib's logf differs from glibc's by an ulp here and there, which the MFCC of
 *   the near-silence recording, normalised by tiny stds, may show within the TS block's own sensitivity); and
 *   every block compiles for it, with the static RAM (.bss) the generator reports, as arm-none-eabi-size counts it.
 * - Cortex-M0 (QEMU microbit, 16 KB of RAM, no FPU: the soft-float path), newlib-nano: the gesture impulse.
 * Skipped, saying which package is missing, where the cross compiler or QEMU is not installed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GESTURE_IMPULSE } from '../../learn/gestureBenchSet';
import { buildCortexM4Image, runOnCortexM4 } from '../c/testUtils/cortexM4';
import { CORTEX_M4_FLAGS, missingTools, run, WARNING_FLAGS, writeFiles } from '../c/testUtils/toolchain';
import { generateDspRunnerMain } from './dspRunnerMain';
import { generateDspC, type DspCode } from './generateDspC';
import { compareWithTs, type TestImpulse } from './testUtils/checkBlock';
import { describeFailures } from './testUtils/compareFeatures';
import { spectralFloor } from './testUtils/floors';
import { featureRows, windowFile } from './testUtils/hostBuild';
import { buildMicrobitImage, runOnMicrobit } from './testUtils/microbit';
import { gestureWindows, randomWindows, WAV_NAMES, wavWindows } from './testUtils/windows';

const missing = missingTools(['arm-none-eabi-gcc', 'qemu-system-arm']);
const skipped = missing === null ? '' : ` (skipped: ${missing})`;
const dir = mkdtempSync(join(tmpdir(), 'dsp-cortex-m-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

type Board = {
  build: (dir: string, name: string, files: DspCode['files']) => Promise<string>;
  run: (dir: string, elf: string, args: string[]) => Promise<string>;
};
const M4: Board = { build: buildCortexM4Image, run: runOnCortexM4 };
const M0: Board = { build: buildMicrobitImage, run: runOnMicrobit };

/** Builds the impulse's DSP with the runner main for a board, runs it on the windows, returns the features. */
async function runOn(board: Board, name: string, impulse: TestImpulse, windows: Float32Array[]) {
  const code = generateDspC(impulse, { prefix: name });
  const elf = await board.build(join(dir, name), name, [...code.files, generateDspRunnerMain(name)]);
  writeFileSync(join(dir, name, 'windows.bin'), windowFile(windows, code.window.frames * code.window.axes));
  await board.run(join(dir, name), elf, ['windows.bin', 'features.bin']);
  return {
    code,
    c: featureRows(readFileSync(join(dir, name, 'features.bin')), code.featureCount, windows.length),
  };
}

function gestureSet(): Float32Array[] {
  return [...gestureWindows(GESTURE_IMPULSE.input), ...randomWindows(125 * 3, 2, 9, 1, 9.81)];
}

describe('generated DSP on an emulated Cortex-M4F (QEMU mps2-an386)', () => {
  it.skipIf(missing !== null)(
    `the gesture impulse's spectral analysis within 1e-4 of the TS block${skipped}`,
    async () => {
      const windows = gestureSet();
      const { c } = await runOn(M4, 'gesture_m4', GESTURE_IMPULSE, windows);
      const comparison = compareWithTs(GESTURE_IMPULSE, windows, c, spectralFloor(GESTURE_IMPULSE));
      expect(comparison.failureCount, describeFailures(comparison)).toBe(0);
      expect(comparison.excused).toEqual([]);
    },
  );

  it.skipIf(missing !== null)(
    `the MFCC of the recordings within 1e-4 of the TS block${skipped}`,
    async () => {
      const impulse: TestImpulse = {
        input: {
          windowSizeMs: 1000,
          windowStrideMs: 500,
          frequencyHz: 16000,
          zeroPad: true,
          axes: ['audio'],
        },
        dsp: { block: 'mfcc', params: { low_frequency: 100 } },
      };
      const windows = wavWindows();
      const { c } = await runOn(M4, 'mfcc_m4', impulse, windows);
      const comparison = compareWithTs(impulse, windows, c, () => 1);
      expect(comparison.failureCount, `${WAV_NAMES.join(', ')}\n${describeFailures(comparison)}`).toBe(0);
      // newlib's logf is not glibc's: the near-silence recording, whose coefficients barely move, shows it.
      expect(new Set(comparison.excused.map((d) => WAV_NAMES[d.window]))).toEqual(
        new Set(comparison.excused.length ? ['silence'] : []),
      );
    },
  );

  it.skipIf(missing !== null)(
    `compiles every block for the Cortex-M4 with the static RAM it reports, as arm-none-eabi-size counts it${skipped}`,
    async () => {
      const audioInput = {
        ...GESTURE_IMPULSE.input,
        frequencyHz: 16000,
        windowSizeMs: 1000,
        axes: ['audio'],
      };
      const impulses: TestImpulse[] = [
        { input: GESTURE_IMPULSE.input, dsp: { block: 'raw', params: {} } },
        { input: GESTURE_IMPULSE.input, dsp: { block: 'flatten', params: {} } },
        GESTURE_IMPULSE,
        {
          input: { ...GESTURE_IMPULSE.input, frequencyHz: 1000, windowSizeMs: 4000 },
          dsp: { block: 'spectral', params: { 'input-decimation-ratio': 30, 'extra-low-freq': true } },
        },
        {
          input: { ...GESTURE_IMPULSE.input, frequencyHz: 300 },
          dsp: {
            block: 'spectral',
            params: { 'input-decimation-ratio': 3, 'analysis-type': 'Wavelet', 'wavelet-level': 2 },
          },
        },
        { input: GESTURE_IMPULSE.input, dsp: { block: 'spectral', params: { 'analysis-type': 'Wavelet' } } },
        { input: audioInput, dsp: { block: 'mfe', params: {} } },
        { input: audioInput, dsp: { block: 'mfcc', params: {} } },
        { input: audioInput, dsp: { block: 'spectrogram', params: {} } },
      ];
      await Promise.all(
        impulses.map(async (impulse, i) => {
          const code = generateDspC(impulse, { prefix: 'sized' });
          const objectDir = join(dir, `size-${i}`);
          const object = join(objectDir, 'sized_dsp.o');
          writeFiles(objectDir, code.files);
          await run('Compiling the DSP for the Cortex-M4', 'arm-none-eabi-gcc', [
            ...CORTEX_M4_FLAGS,
            ...WARNING_FLAGS,
            '-c',
            join(objectDir, code.source.path),
            '-o',
            object,
          ]);
          const sections = await run('Sizing the DSP object', 'arm-none-eabi-size', ['-A', object]);
          const size = (name: string) =>
            Number(new RegExp(`^\\${name}\\s+(\\d+)`, 'm').exec(sections)?.[1] ?? 0);
          const what = `${impulse.dsp.block} ${JSON.stringify(impulse.dsp.params)}\n${sections}`;
          expect(size('.bss'), what).toBe(code.ram.bytes);
          // The reported tables bound the flash they take: the compiler may fold a small one it can index at
          // compile time into code (a 16-point FFT's twiddles).
          expect(size('.rodata'), what).toBeLessThanOrEqual(code.tables.bytes);
          expect(size('.rodata'), what).toBeGreaterThanOrEqual(0.8 * code.tables.bytes);
        }),
      );
    },
  );
});

describe('generated DSP on an emulated Cortex-M0 (QEMU microbit, soft float)', () => {
  it.skipIf(missing !== null)(
    `the gesture impulse's spectral analysis within 1e-4 of the TS block${skipped}`,
    async () => {
      const windows = gestureSet();
      const { code, c } = await runOn(M0, 'gesture_m0', GESTURE_IMPULSE, windows);
      const comparison = compareWithTs(GESTURE_IMPULSE, windows, c, spectralFloor(GESTURE_IMPULSE));
      expect(comparison.failureCount, describeFailures(comparison)).toBe(0);
      expect(comparison.excused).toEqual([]);
      expect(code.ram.bytes).toBeLessThan(16 * 1024);
    },
  );
});
