import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { getMelFilterbank } from '../dsp/mel';
import { getBoard, type Target } from './boards';
import { GESTURE_DSP } from './calibrationModels';
import { estimateDsp } from './dspCost';
import { dspStages, realFftMix } from './dspCostBlocks';
import { generatedPowerSpectrumMix } from './dspCostGenerated';
import { mfeBlock } from '../dsp/mfe';
import { spectralBlock } from '../dsp/spectral';

const AUDIO = { axes: 1, frames: 16000, frequencyHz: 16000 };
const flash = { where: 'internal flash' as const, stallCyclesPerByte: 0, dataCacheKb: 0, note: '' };
const M4F_80: Target = {
  name: 'M4F',
  core: 'cortex-m4f',
  clockMhz: 80,
  fpu: 'single',
  dspExtension: true,
  helium: false,
  constantMemory: flash,
};
const M0_48: Target = {
  name: 'M0+',
  core: 'cortex-m0plus',
  clockMhz: 48,
  fpu: 'none',
  dspExtension: false,
  helium: false,
  constantMemory: flash,
};

describe('DSP cost', () => {
  it('counts a real FFT as n/2-point butterflies and the split', () => {
    const mix = realFftMix(128);
    // 64-point complex radix-2: 32 · 6 butterflies (4 multiplies each), then 65 split bins (4 each).
    expect(mix.single!.mul).toBe(32 * 6 * 4 + 65 * 4);
    expect(mix.single!.add).toBe(32 * 6 * 6 + 65 * 8);
  });

  it("counts the generated FFT's radix-4 butterflies, with a radix-2 first stage when log2(n/2) is odd", () => {
    // 64 points: 3 radix-4 stages of 16 butterflies (6 VMUL, 6 VMLA, 16 adds each), then 65 split bins.
    const n128 = generatedPowerSpectrumMix(128, 128).single!;
    expect(n128).toEqual({ mul: 48 * 6 + 65 * 6, mac: 48 * 6 + 65 * 5, add: 48 * 16 + 65 * 4 });
    // 512 points: 256 radix-2 pairs (4 adds each), then 4 radix-4 stages of 128 butterflies.
    const n1024 = generatedPowerSpectrumMix(1024, 640).single!;
    expect(n1024.add).toBe(256 * 4 + 512 * 16 + 513 * 4);
    expect(n1024.mul).toBe(512 * 6 + 513 * 6);
  });

  it('follows the configured spectral analysis: FFT length and count, filter sections, logs', () => {
    const params = spectralBlock.parseParams(GESTURE_DSP.params);
    const stages = dspStages('spectral', params, GESTURE_DSP.window, 'plain-float32');
    expect(stages.map((s) => s.name)).toEqual([
      'scale',
      'Butterworth filter (3 sections)',
      'statistics and FFT 128 spectra',
    ]);
    const spectra = stages[2].mix.single!;
    // Per axis: the 6 kept bins logged (the studio's skewness and kurtosis are means of z³ and z⁴, no pow).
    expect(spectra.log).toBe(3 * 6);
    // Frames start at 0 and 64 while below the length: 129 samples need a third FFT per axis (one sample in,
    // the rest zero), its 65 bins in the max-hold, plus the moments of one more sample.
    const muls = (frames: number) =>
      dspStages('spectral', params, { ...GESTURE_DSP.window, frames }, 'plain-float32')[2].mix.single!.mul!;
    expect(muls(129) - muls(128)).toBe(3 * (generatedPowerSpectrumMix(128, 1).single!.mul! + 65 + 2));
    const noOverlap = dspStages(
      'spectral',
      { ...params, 'do-fft-overlap': false },
      GESTURE_DSP.window,
      'plain-float32',
    );
    expect(noOverlap[2].mix.single!.mul).toBeLessThan(spectra.mul!);
    const unfiltered = dspStages(
      'spectral',
      { ...params, 'filter-type': 'none' },
      GESTURE_DSP.window,
      'plain-float32',
    );
    expect(unfiltered.map((s) => s.name)).not.toContain('Butterworth filter (3 sections)');
  });

  it("counts Edge Impulse's Butterworth in double, the studio's in float32", () => {
    const params = spectralBlock.parseParams(GESTURE_DSP.params);
    const [, ei] = dspStages('spectral', params, GESTURE_DSP.window, 'edge-impulse-sdk');
    const [, plain] = dspStages('spectral', params, GESTURE_DSP.window, 'plain-float32');
    expect(ei.mix.double!.mul).toBe(3 * 125 * 3 * 2 + 3 * 3 * 6);
    expect(plain.mix.double ?? {}).toEqual({});
  });

  it('uses the mel filterbank the block builds', () => {
    const params = mfeBlock.parseParams({});
    const bank = getMelFilterbank(mfeBlock.title, 40, 256, 16000, 0, 8000);
    const mel = dspStages('mfe', params, AUDIO, 'plain-float32').find((s) =>
      s.name.startsWith('mel filterbank'),
    )!;
    expect(mel.mix.single!.mac).toBe(99 * bank.weights.length);
  });

  it('is most of all the FPU: software float32 costs the M0+ tens of times the M4F cycles', () => {
    const m4 = estimateDsp(M4F_80, 'spectral', GESTURE_DSP.params, GESTURE_DSP.window);
    const m0 = estimateDsp(M0_48, 'spectral', GESTURE_DSP.params, GESTURE_DSP.window);
    expect(m4.fpu).toBe(true);
    expect(m0.fpu).toBe(false);
    expect(m0.countedCycles / m4.countedCycles).toBeGreaterThan(30);
    const mfcc = estimateDsp(getBoard('nano33ble'), 'mfcc', {}, AUDIO);
    expect(mfcc.stages.map((s) => s.name)).toContain('DCT (13 of 32)');
    expect(mfcc.ms).toBeGreaterThan(0);
  });

  it("reproduces Edge Impulse's gesture DSP figures within 20 %: 15 ms on an M4F at 80 MHz, 370 ms on an M0+ at 48 MHz", () => {
    const m4 = estimateDsp(M4F_80, 'spectral', GESTURE_DSP.params, GESTURE_DSP.window, 'edge-impulse-sdk');
    const m0 = estimateDsp(M0_48, 'spectral', GESTURE_DSP.params, GESTURE_DSP.window, 'edge-impulse-sdk');
    expect(Math.abs(m4.ms / 15 - 1)).toBeLessThan(0.2);
    expect(Math.abs(m0.ms / 370 - 1)).toBeLessThan(0.2);
  });

  it("reports the block's own configuration errors", () => {
    expect(() => estimateDsp(M4F_80, 'spectral', { 'fft-length': 100 }, GESTURE_DSP.window)).toThrow(
      StudioError,
    );
    expect(() => estimateDsp(M4F_80, 'mfcc', {}, { axes: 3, frames: 100, frequencyHz: 100 })).toThrow(
      /single audio axis/,
    );
    expect(() => estimateDsp(M4F_80, 'mfe', { bogus: 1 }, AUDIO)).toThrow(/unknown parameter "bogus"/);
  });
});
