import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { framesPerWindow, sliceWindows, windowCount, type WindowingParams } from './windowing';

const IMU = [
  { name: 'accX', units: 'm/s2' },
  { name: 'accY', units: 'm/s2' },
  { name: 'accZ', units: 'm/s2' },
];

/** frames × 3 axes; axis a of frame i is 100·a + i. */
function imu(frames: number, intervalMs = 16) {
  const values = new Float32Array(frames * 3);
  for (let i = 0; i < frames; i++) for (let a = 0; a < 3; a++) values[i * 3 + a] = 100 * a + i;
  return { values, sensors: IMU, intervalMs };
}

const GESTURE: WindowingParams = {
  windowSizeMs: 2000,
  windowStrideMs: 500,
  frequencyHz: 62.5,
  zeroPad: true,
  axes: ['accX', 'accY', 'accZ'],
};

describe('sliceWindows', () => {
  it('starts at 0 and steps by the stride while the window fits', () => {
    // 4 s at 62.5 Hz = 250 frames; 2 s windows every 0.5 s: starts 0, 0.5, 1, 1.5, 2 s.
    const sliced = sliceWindows(imu(250), GESTURE);
    expect(sliced.shape).toEqual({ axes: 3, frames: 125, frequencyHz: 62.5 });
    expect(sliced.startMs).toEqual([0, 496, 1008, 1504, 2000]);
    expect(sliced.windows).toHaveLength(5);
    expect(sliced.windows[1][0]).toBe(31);
    expect(sliced.windows[4][124 * 3 + 2]).toBe(200 + 249);
    expect(sliced.zeroPadded).toBe(false);
    expect(sliced.reason).toBeUndefined();
    expect(windowCount(250, GESTURE, 62.5)).toBe(5);
    expect(new Set(sliced.windows.map((w) => w.buffer)).size).toBe(5);
  });

  it('gives exactly one window for a sample of exactly one window', () => {
    expect(sliceWindows(imu(125), GESTURE).windows).toHaveLength(1);
    expect(windowCount(125, GESTURE, 62.5)).toBe(1);
  });

  it('zero-pads a short sample into one window, or gives none with a reason', () => {
    const padded = sliceWindows(imu(100), GESTURE);
    expect(padded.windows).toHaveLength(1);
    expect(padded.zeroPadded).toBe(true);
    expect(padded.windows[0][99 * 3]).toBe(99);
    expect(padded.windows[0][100 * 3]).toBe(0);
    expect(padded.windows[0][124 * 3 + 2]).toBe(0);

    const skipped = sliceWindows(imu(100), { ...GESTURE, zeroPad: false });
    expect(skipped.windows).toHaveLength(0);
    expect(skipped.reason).toMatch(/1600 ms long, shorter than the 2000 ms window, and zero-padding is off/);
    expect(windowCount(100, { ...GESTURE, zeroPad: false }, 62.5)).toBe(0);
    expect(sliceWindows(imu(0), GESTURE).reason).toMatch(/no data/);
  });

  it('takes the chosen axes in the impulse order', () => {
    const sliced = sliceWindows(imu(125), { ...GESTURE, axes: ['accZ', 'accX'] });
    expect(sliced.shape.axes).toBe(2);
    expect(Array.from(sliced.windows[0].subarray(0, 4))).toEqual([200, 0, 201, 1]);
  });

  it('resamples to the impulse frequency first', () => {
    // 100 Hz for 3 s = 300 frames → 62.5 Hz = 188 frames: windows at 0, 0.5 s, 1 s.
    const sliced = sliceWindows(imu(300, 10), GESTURE);
    expect(sliced.windows).toHaveLength(3);
    expect(windowCount(300, GESTURE, 100)).toBe(3);
    expect(sliced.windows[0][3]).toBeCloseTo(1.6, 5);
  });

  it('turns audio int16 values into floats unchanged', () => {
    const values = Int16Array.from({ length: 16000 }, (_, i) => (i % 2 ? -32768 : 32767));
    const audio = { values, sensors: [{ name: 'audio', units: 'wav' }], intervalMs: 0.0625 };
    const params = {
      windowSizeMs: 1000,
      windowStrideMs: 500,
      frequencyHz: 16000,
      zeroPad: true,
      axes: ['audio'],
    };
    const sliced = sliceWindows(audio, params);
    expect(sliced.windows).toHaveLength(1);
    expect(sliced.windows[0][0]).toBe(32767);
    expect(sliced.windows[0][1]).toBe(-32768);
    expect(framesPerWindow(params)).toBe(16000);
  });

  it('names a missing axis and rejects impossible windows', () => {
    expect(() => sliceWindows(imu(125), { ...GESTURE, axes: ['accX', 'gyrX'] })).toThrow(
      /no "gyrX" axis \(it has accX, accY, accZ\)/,
    );
    const errors: [Partial<WindowingParams>, RegExp][] = [
      [{ windowStrideMs: 0 }, /stride must be more than 0 ms/],
      [{ windowStrideMs: -5 }, /stride/],
      [{ windowStrideMs: 5 }, /stride 5 ms is shorter than one sample at 62\.5 Hz.*at least 16 ms\./],
      [{ windowSizeMs: 5 }, /shorter than one frame/],
      [{ frequencyHz: 0 }, /frequency must be a positive number/],
      [{ axes: [] }, /no axis/],
    ];
    for (const [change, message] of errors) {
      expect(() => sliceWindows(imu(125), { ...GESTURE, ...change })).toThrow(message);
      expect(() => windowCount(125, { ...GESTURE, ...change }, 62.5)).toThrow(StudioError);
    }
  });

  it('places a stride that is not a whole number of samples by rounding each start', () => {
    // 20 ms at 62.5 Hz is 1.25 samples: window k starts at round(1.25·k).
    const sliced = sliceWindows(imu(140), { ...GESTURE, windowStrideMs: 20 });
    expect(sliced.startMs.slice(0, 6).map((ms) => ms / 16)).toEqual([0, 1, 3, 4, 5, 6]);
    expect(new Set(sliced.startMs).size).toBe(sliced.startMs.length);
  });

  it('accepts a stride of exactly one sample and refuses a shorter one with the smallest stride', () => {
    expect(windowCount(130, { ...GESTURE, windowStrideMs: 16 }, 62.5)).toBe(6);
    const audio = { ...GESTURE, frequencyHz: 16000, windowSizeMs: 1000, axes: ['accX'] };
    expect(windowCount(16001, { ...audio, windowStrideMs: 0.0625 }, 16000)).toBe(2);
    expect(() => windowCount(16001, { ...audio, windowStrideMs: 0.06 }, 16000)).toThrow(
      'The window stride 0.06 ms is shorter than one sample at 16000 Hz, so windows would repeat: use a ' +
        'stride of at least 0.0625 ms.',
    );
    // 1/44.1 kHz = 0.022675… ms: the figure given is rounded up, so it is itself accepted.
    expect(() => windowCount(50000, { ...audio, frequencyHz: 44100, windowStrideMs: 0.02 }, 44100)).toThrow(
      /at least 0\.0227 ms/,
    );
    expect(windowCount(44101, { ...audio, frequencyHz: 44100, windowStrideMs: 0.0227 }, 44100)).toBe(2);
  });
});
