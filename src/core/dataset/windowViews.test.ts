import { describe, expect, it } from 'vitest';
import { sliceWindows } from './windowing';
import { windowViews } from './windowViews';

const sensors = [
  { name: 'accX', units: 'm/s2' },
  { name: 'accY', units: 'm/s2' },
  { name: 'accZ', units: 'm/s2' },
];

function recording(frames: number): Float32Array {
  return Float32Array.from({ length: frames * 3 }, (_, i) => Math.sin(i / 7) * 4 + (i % 3));
}

const params = {
  windowSizeMs: 2000,
  windowStrideMs: 500,
  frequencyHz: 100,
  zeroPad: true,
  axes: ['accX', 'accY', 'accZ'],
};

describe('windowViews', () => {
  it('gives the windows sliceWindows gives, value for value', () => {
    const sample = { values: recording(1000), sensors, intervalMs: 10 };
    const views = windowViews(sample, params);
    const copies = sliceWindows(sample, params).windows;
    expect(views).toHaveLength(17);
    expect(views).toEqual(copies);
  });

  it('holds overlapping windows as views of one buffer, not a copy each', () => {
    const sample = { values: recording(1000), sensors, intervalMs: 10 };
    const views = windowViews(sample, params);
    const buffers = new Set(views.map((w) => w.buffer));
    expect(buffers.size).toBe(1);
    // One signal of the sample's length behind all 17 windows (sliceWindows would hold 17 × 2 s).
    expect(views[0].buffer.byteLength).toBe(sample.values.byteLength);
  });

  it('copies a zero-padded window and reorders, resamples or picks axes like sliceWindows', () => {
    const short = { values: recording(150), sensors, intervalMs: 10 };
    const [padded] = windowViews(short, params);
    expect(padded.buffer).not.toBe(short.values.buffer);
    expect(padded).toEqual(sliceWindows(short, params).windows[0]);

    const other = { ...params, frequencyHz: 50, axes: ['accZ', 'accX'] };
    const sample = { values: recording(1000), sensors, intervalMs: 10 };
    expect(windowViews(sample, other)).toEqual(sliceWindows(sample, other).windows);
  });
});
