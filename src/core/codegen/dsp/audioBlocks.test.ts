/**
 * Generated C of the audio blocks (MFE, MFCC, spectrogram) against the TypeScript blocks: generated, compiled
 * as C99 and C++ (-O2 -Wall -Wextra -Werror -Wdouble-promotion), run on the shared 1 s recordings at 16 kHz
 * (yes, no, noise, silence), the virtual microphone (tone, whistle) and seeded random audio; every feature
 * within 1e-4 × max(|TS value|, 1) of the TS value. The floor 1 is the features' own scale: MFE and spectrogram
 * values are loudness mapped to [0, 1] (+12 dB → 1), MFCC values are normalised to unit variance.
 *
 * Excused features (compareFeatures.ts: beyond 1e-4, within 3× the TS block's own movement under a perturbation
 * of the window of the size of float32 rounding), and where they may occur:
 * - MFCC of windows with a steady spectrum (the tone, the whistle, random noise; not the recordings): a
 *   coefficient that barely changes over the window (the log energy of a steady tone has std 1e-3 over a
 *   second) is normalised by that std, which multiplies the ~1e-6 error of any float32 spectrum by 1000.
 * - MFCC of the silence recording with the default filters: see the test of its own below.
 * - MFE: an 8-bit value whose unquantised value lies within float32 error of a rounding boundary.
 * - The default MFCC of the silence recording is round-off in the studio itself: with 32 filters over 256 bins
 *   the first mel filter holds only the DC bin, and the DC of a pre-emphasised frame of near-silence cancels to
 *   exactly 0 in exact arithmetic; the studio computes 1e-28 (float64 round-off), float32 ~1e-11, and the log
 *   energy of that frame, and through the window's normalisation every feature, is round-off in both. That
 *   window is checked on its own: the studio's features move by more than 0.1 under the perturbation, and the
 *   C's are finite. With low_frequency 100 Hz (the second MFCC case) the same recording is compared in full.
 * - An all-zero window gives exactly 0 in the C (its constant columns centre to 0 exactly) and round-off below
 *   1e-3 in the studio (x − mean of equal float64 values, divided by std + 1e-10): checked on its own.
 */
import { describe, expect, it } from 'vitest';
import { framesPerWindow } from '../../dataset/windowing';
import { checkBlock, summarise, type TestImpulse } from './testUtils/checkBlock';
import { describeFailures } from './testUtils/compareFeatures';
import { randomAudio, virtualAudioWindows, WAV_NAMES, wavWindows } from './testUtils/windows';

function audio(
  block: TestImpulse['dsp']['block'],
  params: TestImpulse['dsp']['params'],
  frequencyHz = 16000,
): TestImpulse {
  return {
    input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz, zeroPad: true, axes: ['audio'] },
    dsp: { block, params },
  };
}

/** The recordings (16 kHz only), the virtual microphone and random audio, for a 1 s window at the impulse's rate. */
function windowsFor(impulse: TestImpulse, seed: number): Float32Array[] {
  const frames = framesPerWindow(impulse.input);
  const rate = impulse.input.frequencyHz;
  return [
    ...(rate === 16000 ? wavWindows() : []),
    ...virtualAudioWindows(frames, rate),
    ...randomAudio(frames, 2, seed),
  ];
}

const SILENCE = WAV_NAMES.indexOf('silence');
/** In windowsFor at 16 kHz the recordings come first, then the windows of a steady spectrum. */
const steady = (recordings: number) => (w: number) => w >= recordings;

/** Every feature within its tolerance; excused ones only in the windows `mayBeExcused` names. */
async function expectMatches(
  impulse: TestImpulse,
  windows: Float32Array[],
  mayBeExcused: (window: number) => boolean = () => false,
) {
  const check = await checkBlock(impulse, windows, { floor: () => 1 });
  for (const { comparison } of check.results) {
    expect(comparison.failureCount, `${summarise(check)}\n${describeFailures(comparison)}`).toBe(0);
    expect(
      comparison.excused.filter((d) => !mayBeExcused(d.window)),
      summarise(check),
    ).toEqual([]);
  }
  return check;
}

const MFCC_VARIANT = {
  num_cepstral: 20,
  frame_length: 0.03,
  frame_stride: 0.015,
  num_filters: 40,
  fft_length: 512,
  win_size: 21,
  low_frequency: 100,
  high_frequency: 5000,
  pre_cof: 0.95,
  pre_shift: 3,
};

describe('generated C: MFCC', () => {
  it('defaults (13 coefficients, 32 filters, FFT 256), 1 s at 16 kHz', async () => {
    const impulse = audio('mfcc', {});
    const windows = windowsFor(impulse, 1);
    const silence = windows.splice(SILENCE, 1);
    await expectMatches(impulse, windows, steady(WAV_NAMES.length - 1));

    const check = await checkBlock(impulse, silence, { floor: () => 1 });
    const moved = Math.max(
      ...check.perturbed[0].flatMap((run) => Array.from(run, (v, i) => Math.abs(v - check.ts[0][i]))),
    );
    expect(moved).toBeGreaterThan(0.1);
    for (const { c } of check.results) expect(c[0].every(Number.isFinite)).toBe(true);
  });

  it('20 coefficients of 40 filters, FFT 512 (zero-padded 480-sample frames), 100–5000 Hz, pre_shift 3', async () => {
    const impulse = audio('mfcc', MFCC_VARIANT);
    await expectMatches(impulse, windowsFor(impulse, 2), steady(WAV_NAMES.length));
  });

  it('a single coefficient of 8 filters, FFT 128, at 8 kHz', async () => {
    const impulse = audio('mfcc', { num_cepstral: 1, num_filters: 8, fft_length: 128 }, 8000);
    await expectMatches(impulse, windowsFor(impulse, 3), steady(0));
  });

  it('gives exactly 0 for an all-zero window, where the studio gives round-off', async () => {
    const impulse = audio('mfcc', {});
    const check = await checkBlock(impulse, [new Float32Array(framesPerWindow(impulse.input))], {
      floor: () => 1,
    });
    expect(Math.max(...check.ts[0].map(Math.abs))).toBeLessThan(1e-3);
    for (const { c } of check.results) expect(c[0].every((v) => v === 0)).toBe(true);
  });
});

describe('generated C: MFE', () => {
  it.each([
    ['defaults (40 filters, FFT 256, noise floor −52 dB)', {}],
    [
      '32 filters, FFT 512, 300–5000 Hz, noise floor −70 dB, 25 ms frames',
      {
        frame_length: 0.025,
        frame_stride: 0.0125,
        num_filters: 32,
        fft_length: 512,
        low_frequency: 300,
        high_frequency: 5000,
        noise_floor_db: -70,
      },
    ],
  ])('%s', async (_name, params) => {
    const impulse = audio('mfe', params);
    await expectMatches(impulse, windowsFor(impulse, 4), () => true);
  });
});

describe('generated C: spectrogram', () => {
  it.each<[string, TestImpulse['dsp']['params'], number]>([
    ['defaults (FFT 128 of 320-sample frames, noise floor −52 dB)', {}, 16000],
    [
      'FFT 256, 32 ms frames, noise floor −80 dB',
      { frame_length: 0.032, frame_stride: 0.016, fft_length: 256, noise_floor_db: -80 },
      16000,
    ],
    ['FFT 512 of 20 ms frames (zero-padded) at 11025 Hz', { fft_length: 512 }, 11025],
  ])('%s', async (_name, params, rate) => {
    const impulse = audio('spectrogram', params, rate);
    await expectMatches(impulse, windowsFor(impulse, 5));
  });
});
