/** Configuration checks shared by the audio blocks (MFE, MFCC, spectrogram); each throws StudioError('dsp-config'). */
import { StudioError } from '../errors';
import type { WindowShape } from './block';
import { isPowerOfTwo } from './fft';

/** An audio block takes one axis at a positive sampling rate. */
export function requireAudioWindow(blockTitle: string, window: WindowShape): void {
  if (!(window.frequencyHz > 0 && Number.isFinite(window.frequencyHz)))
    throw new StudioError(
      'dsp-config',
      `${blockTitle}: the window's sampling frequency ${window.frequencyHz} Hz is not a positive number: ` +
        'set the impulse frequency.',
    );
  if (window.axes !== 1)
    throw new StudioError(
      'dsp-config',
      `${blockTitle} expects a single audio axis, but the window has ${window.axes} axes: ` +
        'use it with audio data, or choose Spectral analysis, Raw or Flatten for multi-axis sensors.',
    );
}

/** fft_length must be a power of two ≥ 2. */
export function requireFftLength(blockTitle: string, fftLength: number): void {
  if (!isPowerOfTwo(fftLength) || fftLength < 2) {
    const up = 2 ** Math.max(1, Math.ceil(Math.log2(Math.max(fftLength, 2))));
    throw new StudioError(
      'dsp-config',
      `${blockTitle}: fft_length ${fftLength} is not a power of two: use e.g. ${up}.`,
    );
  }
}

/** The mel filters' band: high_frequency 0 means fs/2; high must not exceed fs/2 and low must be below high. */
export function melBand(
  blockTitle: string,
  lowFrequency: number,
  highFrequency: number,
  fs: number,
): { lowHz: number; highHz: number } {
  const nyquist = fs / 2;
  const highHz = highFrequency === 0 ? nyquist : highFrequency;
  if (highHz > nyquist)
    throw new StudioError(
      'dsp-config',
      `${blockTitle}: high_frequency ${highFrequency} Hz is above half the sampling frequency (${nyquist} Hz at ` +
        `${fs} Hz): lower it, or set 0 for ${nyquist} Hz.`,
    );
  if (lowFrequency >= highHz)
    throw new StudioError(
      'dsp-config',
      `${blockTitle}: low_frequency ${lowFrequency} Hz must be below high_frequency (${highHz} Hz): lower ` +
        'low_frequency or raise high_frequency.',
    );
  return { lowHz: lowFrequency, highHz };
}

/** A window must hold exactly frames × axes values. */
export function requireWindowLength(blockTitle: string, window: Float32Array, shape: WindowShape): void {
  if (window.length !== shape.frames * shape.axes)
    throw new StudioError(
      'dsp-config',
      `${blockTitle}: the window holds ${window.length} values, but its shape says ${shape.frames} frames × ` +
        `${shape.axes} axes.`,
    );
}
