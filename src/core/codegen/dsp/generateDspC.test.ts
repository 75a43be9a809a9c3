/**
 * The DSP generator's API: file names and macros, the RAM and table reports, the tables being the TS DSP's own
 * (read back from the C text), the errors for bad settings, and the C entry point's and runner's behaviour on
 * bad input (compiled with gcc).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { butterworthFloat32 } from '../../dsp/butterworth';
import { getDecimator } from '../../dsp/decimator';
import { getDctMatrix } from '../../dsp/dct';
import { getRealFft } from '../../dsp/fft';
import { getMelFilterbank } from '../../dsp/mel';
import { waveletFilters } from '../../dsp/waveletFilters';
import { GESTURE_IMPULSE } from '../../learn/gestureBenchSet';
import { generateDspRunnerMain } from './dspRunnerMain';
import { generateDspC } from './generateDspC';
import type { TestImpulse } from './testUtils/checkBlock';
import { compile, WARNINGS, writeSources } from './testUtils/hostBuild';

const exec = promisify(execFile);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const AUDIO_INPUT = {
  windowSizeMs: 1000,
  windowStrideMs: 500,
  frequencyHz: 16000,
  zeroPad: true,
  axes: ['audio'],
};
const mfcc: TestImpulse = { input: AUDIO_INPUT, dsp: { block: 'mfcc', params: {} } };

/** The values of `static const <type> NAME[...] = { ... };` in C text, as the compiler reads them. */
function table(source: string, name: string): number[] {
  const match = new RegExp(`static const (\\w+) ${name}(?:\\[\\d+\\])+ = \\{([^;]*)\\};`).exec(source);
  if (!match) throw new Error(`no table ${name}`);
  const values = match[2]
    .replace(/[{}]/g, ' ')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return values.map((t) => (match[1] === 'float' ? Math.fround(Number(t.replace(/f$/, ''))) : Number(t)));
}

describe('generateDspC', () => {
  it('writes <prefix>_dsp.h and <prefix>_dsp.c with the window and feature macros', () => {
    const code = generateDspC(GESTURE_IMPULSE, { prefix: 'gesture' });
    expect(code.files.map((f) => f.path)).toEqual(['gesture_dsp.h', 'gesture_dsp.c']);
    expect(code.window).toEqual({ axes: 3, frames: 125, frequencyHz: 62.5 });
    expect(code.featureCount).toBe(33);
    expect(code.shape).toEqual([33]);
    expect(code.ram).toMatchObject({ windowBytes: 125 * 3 * 4, featureBytes: 33 * 4 });
    const h = code.header.contents;
    for (const line of [
      '#define GESTURE_DSP_WINDOW_FRAMES 125',
      '#define GESTURE_DSP_WINDOW_AXES 3',
      '#define GESTURE_DSP_FEATURE_COUNT 33',
      `#define GESTURE_DSP_RAM_BYTES ${code.ram.bytes}`,
      'int gesture_dsp_run(const float *window, float *features);',
    ])
      expect(h).toContain(line);
    expect(h).not.toContain('FEATURE_ROWS');
    expect(code.source.contents).toContain('#include "gesture_dsp.h"');
  });

  it('gives the frames × coefficients shape of the audio blocks as macros', () => {
    const code = generateDspC(mfcc);
    expect(code.prefix).toBe('impulse');
    expect(code.shape).toEqual([50, 13]);
    expect(code.header.contents).toContain('#define IMPULSE_DSP_FEATURE_ROWS 50');
    expect(code.header.contents).toContain('#define IMPULSE_DSP_FEATURE_COLUMNS 13');
  });

  it('reports every static buffer and constant table, and nothing else is static or allocated', () => {
    for (const impulse of [GESTURE_IMPULSE, mfcc]) {
      const code = generateDspC(impulse);
      const source = code.source.contents;
      const buffers = [...source.matchAll(/^static (float|double) (\w+)\[(\d+)\];$/gm)];
      expect(buffers.map((m) => m[2]).sort()).toEqual(code.ram.buffers.map((b) => b.name).sort());
      const bytes = buffers.reduce((sum, m) => sum + Number(m[3]) * (m[1] === 'double' ? 8 : 4), 0);
      expect(code.ram.bytes).toBe(bytes);
      expect(code.tables.arrays.map((t) => table(source, t.name).length)).toEqual(
        code.tables.arrays.map((t) => t.length),
      );
      expect(source).not.toMatch(/\bmalloc\b|\bcalloc\b|\bfree\b/);
      expect([...source.matchAll(/^#include (.*)$/gm)].map((m) => m[1])).toEqual([
        '"impulse_dsp.h"',
        '<math.h>',
        '<stddef.h>',
        '<stdint.h>',
      ]);
    }
  });

  it("emits the TS DSP's own tables: FFT twiddles, Butterworth sections, mel filters, DCT rows", () => {
    const gesture = generateDspC(GESTURE_IMPULSE).source.contents;
    const fft = getRealFft(128).tables();
    expect(table(gesture, 'FFT_BIT_REVERSED')).toEqual(Array.from(fft.reversed));
    expect(table(gesture, 'FFT_TWIDDLE_RE')).toEqual(Array.from(fft.twiddleRe, Math.fround));
    expect(table(gesture, 'FFT_SPLIT_IM')).toEqual(Array.from(fft.splitIm, Math.fround));
    expect(table(gesture, 'BUTTERWORTH_SOS')).toEqual(
      Array.from(butterworthFloat32('low', 6, 3, 62.5).coefficients),
    );

    const audio = generateDspC(mfcc).source.contents;
    const bank = getMelFilterbank('MFCC', 32, 256, 16000, 0, 8000);
    expect(table(audio, 'MEL_FIRST_BIN')).toEqual(Array.from(bank.first));
    expect(table(audio, 'MEL_WEIGHTS')).toEqual(Array.from(bank.weights, Math.fround));
    expect(table(audio, 'DCT_ROWS')).toEqual(Array.from(getDctMatrix(32, 13).subarray(32), Math.fround));
  });

  it('keeps the float64 tables of the float64 steps exact: decimation filters, wavelet filters after decimation', () => {
    const impulse: TestImpulse = {
      input: { ...GESTURE_IMPULSE.input, frequencyHz: 300 },
      dsp: {
        block: 'spectral',
        params: { 'input-decimation-ratio': 3, 'analysis-type': 'Wavelet', wavelet: 'sym4' },
      },
    };
    const source = generateDspC(impulse).source.contents;
    expect(table(source, 'DECIMATE_BY_3_SOS')).toEqual(Array.from(getDecimator(3).sos.coefficients));
    expect(table(source, 'DECIMATE_BY_3_STEADY_STATE')).toEqual(Array.from(getDecimator(3).steadyState));
    expect(table(source, 'WAVELET_DEC_LO')).toEqual(Array.from(waveletFilters('sym4').decLo));
  });

  it('refuses what the TS block refuses, with its errors, and a prefix that is not a C name', () => {
    const spectral = (params: Record<string, unknown>) => ({
      ...GESTURE_IMPULSE,
      dsp: { block: 'spectral' as const, params: params as TestImpulse['dsp']['params'] },
    });
    expect(() => generateDspC(spectral({ 'fft-length': 100 }))).toThrow(
      expect.objectContaining({ code: 'dsp-params' }),
    );
    expect(() => generateDspC(spectral({ 'filter-type': 'low', 'filter-cutoff': 40 }))).toThrow(
      expect.objectContaining({ code: 'dsp-config' }),
    );
    expect(() =>
      generateDspC({ input: AUDIO_INPUT, dsp: { block: 'mfe', params: { num_filters: 200 } } }),
    ).toThrow(
      expect.objectContaining({ code: 'dsp-config', message: expect.stringMatching(/num_filters 200/) }),
    );
    for (const prefix of ['9lives', 'my-dsp', ''])
      expect(() => generateDspC(GESTURE_IMPULSE, { prefix })).toThrow(
        expect.objectContaining({ code: 'codegen-prefix', message: expect.stringContaining(`"${prefix}"`) }),
      );
  });

  it('returns an error for a NULL pointer, and the runner fails on a file that ends inside a window', async () => {
    const code = generateDspC(GESTURE_IMPULSE, { prefix: 'probe' });
    const dir = writeSources(code, mkdtempSync(join(tmpdir(), 'studio-dsp-api-')));
    dirs.push(dir);
    const probe = join(dir, 'null_probe.c');
    writeFileSync(
      probe,
      `#include <stddef.h>
#include "probe_dsp.h"
static float window[PROBE_DSP_WINDOW_VALUES];
static float features[PROBE_DSP_FEATURE_COUNT];
int main(void)
{
    if (probe_dsp_run(NULL, features) != PROBE_DSP_ERROR_ARGUMENT) return 1;
    if (probe_dsp_run(window, NULL) != PROBE_DSP_ERROR_ARGUMENT) return 2;
    return probe_dsp_run(window, features) == PROBE_DSP_OK ? 0 : 3;
}
`,
    );
    const flags = ['-std=c99', '-pedantic', '-O2', ...WARNINGS, join(dir, code.source.path)];
    await compile('gcc', [...flags, probe, '-o', join(dir, 'probe'), '-lm'], 'the NULL probe');
    await expect(exec(join(dir, 'probe'))).resolves.toBeDefined();

    const runner = generateDspRunnerMain('probe');
    await compile('gcc', [...flags, join(dir, runner.path), '-o', join(dir, 'runner'), '-lm'], 'the runner');
    writeFileSync(join(dir, 'short.bin'), new Uint8Array(4 * 10));
    await expect(
      exec(join(dir, 'runner'), [join(dir, 'short.bin'), join(dir, 'out.bin')]),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('ends inside a window'),
    });
    await expect(exec(join(dir, 'runner'), [])).rejects.toMatchObject({ code: 2 });
  });
});
