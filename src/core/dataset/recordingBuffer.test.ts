import { describe, expect, it } from 'vitest';
import { RecordingBuffer } from './recordingBuffer';

describe('RecordingBuffer', () => {
  it('collects interleaved chunks across growth and stops at the target', () => {
    const buf = new RecordingBuffer((n) => new Float32Array(n), 3, 5000);
    let next = 0;
    while (!buf.full) {
      const chunk = new Float32Array(3 * 7).map(() => next++);
      buf.append(chunk);
    }
    const v = buf.values();
    expect(buf.frameCount).toBe(5000);
    expect(v.length).toBe(15000);
    expect(Array.from(v.subarray(0, 6))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(v[14999]).toBe(14999);
    expect(buf.append(new Float32Array(3))).toBe(0);
  });

  it('keeps int16 audio typed and ignores a partial trailing frame', () => {
    const buf = new RecordingBuffer((n) => new Int16Array(n), 2, 10);
    expect(buf.append(Int16Array.from([1, 2, 3]))).toBe(1);
    const v = buf.values();
    expect(v).toBeInstanceOf(Int16Array);
    expect(Array.from(v)).toEqual([1, 2]);
  });
});
