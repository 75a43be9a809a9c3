import { describe, expect, it, vi } from 'vitest';
import { LiveBuffer } from './liveBuffer';

function axisValues(b: LiveBuffer, axis: number): number[] {
  const out: number[] = [];
  for (let f = b.firstFrame; f < b.totalFrames; f++) out.push(b.valueAt(axis, f));
  return out;
}

describe('LiveBuffer', () => {
  it('de-interleaves frames into one ring per axis', () => {
    const b = new LiveBuffer(3, 10);
    b.push(Float32Array.of(1, 10, 100, 2, 20, 200), 2);
    expect(b.totalFrames).toBe(2);
    expect(b.frameCount).toBe(2);
    expect(axisValues(b, 0)).toEqual([1, 2]);
    expect(axisValues(b, 1)).toEqual([10, 20]);
    expect(axisValues(b, 2)).toEqual([100, 200]);
  });

  it('wraps around, keeping the newest frames in order', () => {
    const b = new LiveBuffer(2, 4);
    for (let i = 0; i < 7; i++) b.push([i, -i], 1);
    expect(b.totalFrames).toBe(7);
    expect(b.frameCount).toBe(4);
    expect(b.firstFrame).toBe(3);
    expect(axisValues(b, 0)).toEqual([3, 4, 5, 6]);
    expect(axisValues(b, 1)).toEqual([-3, -4, -5, -6]);
    b.push([7, -7, 8, -8, 9, -9], 3);
    expect(axisValues(b, 0)).toEqual([6, 7, 8, 9]);
  });

  it('keeps only the newest frames of a chunk larger than its capacity', () => {
    const b = new LiveBuffer(1, 3);
    b.push(Int16Array.of(1, 2), 2);
    b.push(Int16Array.of(3, 4, 5, 6, 7), 5);
    expect(b.totalFrames).toBe(7);
    expect(axisValues(b, 0)).toEqual([5, 6, 7]);
  });

  it('takes the frame count from the array by default, and pushes only whole given frames', () => {
    const b = new LiveBuffer(2, 8);
    b.push(Float32Array.of(1, 2, 3, 4, 5));
    expect(b.totalFrames).toBe(2);
    b.push(Float32Array.of(9, 9, 8, 8), 1);
    expect(axisValues(b, 0)).toEqual([1, 3, 9]);
    expect(() => b.push(Float32Array.of(1, 2), 2)).toThrow(RangeError);
  });

  it('gives each column the extent of the line through the frames, across the wrap point', () => {
    const b = new LiveBuffer(2, 8);
    const frames = 13; // wraps: the ring holds frames 5…12
    const data = new Float32Array(frames * 2);
    for (let f = 0; f < frames; f++) {
      data[f * 2] = f;
      data[f * 2 + 1] = f % 2 === 0 ? 10 : -10;
    }
    b.push(data, frames);
    const min = new Float32Array(4);
    const max = new Float32Array(4);
    // Clamped to frames 5…12: the line from 5 to 12 in four slices of 1.75 frames.
    b.columnExtents(0, 0, 13, 4, min, max);
    expect(Array.from(min)).toEqual([5, 6.75, 8.5, 10.25]);
    expect(Array.from(max)).toEqual([6.75, 8.5, 10.25, 12]);
    // A zig-zag: every slice holding a frame reaches its extreme.
    b.columnExtents(1, 5, 13, 2, min, max);
    expect(Array.from(min.subarray(0, 2))).toEqual([-10, -10]);
    expect(Array.from(max.subarray(0, 2))).toEqual([10, 10]);
  });

  it('interpolates between sparse frames, so narrow columns still join up', () => {
    const b = new LiveBuffer(1, 8);
    b.push(Float32Array.of(0, 8), 2);
    const min = new Float32Array(4);
    const max = new Float32Array(4);
    b.columnExtents(0, 0, 2, 4, min, max);
    expect(Array.from(min)).toEqual([0, 2, 4, 6]);
    expect(Array.from(max)).toEqual([2, 4, 6, 8]);
  });

  it('gives a single frame to every column and NaN when there is none', () => {
    const b = new LiveBuffer(1, 8);
    const min = new Float32Array(3);
    const max = new Float32Array(3);
    b.columnExtents(0, 0, 5, 3, min, max);
    expect(min.every(Number.isNaN)).toBe(true);
    b.push([7], 1);
    b.columnExtents(0, 0, 5, 3, min, max);
    expect(Array.from(min)).toEqual([7, 7, 7]);
    expect(Array.from(max)).toEqual([7, 7, 7]);
  });

  it('tells subscribers about pushes and clears until they unsubscribe', () => {
    const b = new LiveBuffer(1, 4);
    const listener = vi.fn();
    const unsubscribe = b.subscribe(listener);
    expect(b.lastPushMs).toBe(-Infinity);
    const before = performance.now();
    b.push([1], 1);
    expect(b.lastPushMs).toBeGreaterThanOrEqual(before);
    b.push([], 0);
    b.clear();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(b.totalFrames).toBe(0);
    expect(b.frameCount).toBe(0);
    expect(b.lastPushMs).toBe(-Infinity);
    unsubscribe();
    b.push([2], 1);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('rejects a shape that cannot hold data', () => {
    expect(() => new LiveBuffer(0, 10)).toThrow(RangeError);
    expect(() => new LiveBuffer(1, 0)).toThrow(RangeError);
    expect(() => new LiveBuffer(1, 2.5)).toThrow(RangeError);
  });
});
