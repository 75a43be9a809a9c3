import { describe, expect, it } from 'vitest';
import { SCALE_GESTURES, SCALE_SOUNDS, gestureValues, soundValues } from './scaleData';

/** Mean of |x[i] − x[i−1]| over one axis: how fast a signal moves, which tells the synthetic classes apart. */
function roughness(values: ArrayLike<number>, axes: number, axis: number): number {
  let sum = 0;
  const frames = values.length / axes;
  for (let i = 1; i < frames; i++) sum += Math.abs(values[i * axes + axis] - values[(i - 1) * axes + axis]);
  return sum / (frames - 1);
}

describe('scale bench data', () => {
  it('is the same for the same seed and differs between seeds', () => {
    expect(gestureValues('wave', 1000, 100, 7)).toEqual(gestureValues('wave', 1000, 100, 7));
    expect(gestureValues('wave', 1000, 100, 7)).not.toEqual(gestureValues('wave', 1000, 100, 8));
    expect(soundValues('hum', 16000, 16000, 3)).toEqual(soundValues('hum', 16000, 16000, 3));
  });

  it('gives 3-axis gestures of the asked length whose movement sets them apart', () => {
    const spread = SCALE_GESTURES.map((g) => {
      const v = gestureValues(g, 1000, 100, 1);
      expect(v).toHaveLength(3000);
      return Math.max(
        ...[0, 1].map(
          (a) => Math.max(...v.filter((_, i) => i % 3 === a)) - Math.min(...v.filter((_, i) => i % 3 === a)),
        ),
      );
    });
    const [idle, ...moving] = spread;
    for (const s of moving) expect(s).toBeGreaterThan(3 * idle);
  });

  it('gives sounds that differ in how fast they move: hum < whistle, noise broadband', () => {
    const [hum, whistle, noise] = SCALE_SOUNDS.map((s) => {
      const v = soundValues(s, 16000, 16000, 1);
      expect(v).toBeInstanceOf(Int16Array);
      expect(v).toHaveLength(16000);
      return roughness(v, 1, 0) / (Math.max(...v) - Math.min(...v));
    });
    expect(whistle).toBeGreaterThan(3 * hum);
    expect(noise).toBeGreaterThan(hum);
  });
});
