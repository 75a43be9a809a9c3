import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { createGestureStream, GESTURES, type Gesture, IMU_AXES } from './gestures';
import { ACC_FULL_SCALE, IMU_SCALES, STANDARD_GRAVITY } from './imuScale';

const RATE = 100;

function axis(values: Float32Array, a: number, from = 0, to = values.length / IMU_AXES): number[] {
  const out: number[] = [];
  for (let f = from; f < to; f++) out.push(values[f * IMU_AXES + a]);
  return out;
}

function mean(x: number[]): number {
  return x.reduce((s, v) => s + v, 0) / x.length;
}

function std(x: number[]): number {
  const m = mean(x);
  return Math.sqrt(mean(x.map((v) => (v - m) ** 2)));
}

/**
 * The frequency of the strongest component between 0.4 Hz and 20 Hz, searched on a 0.1 Hz grid (finer than
 * the 0.5 Hz bins of a 2 s window's DFT) with a Hann window, mean removed.
 */
function peakHz(x: number[], rateHz: number): number {
  const m = mean(x);
  const n = x.length;
  const w = x.map((v, i) => (v - m) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1))));
  let best = 0;
  let bestPower = -1;
  for (let hz = 0.4; hz <= Math.min(20, rateHz / 2); hz += 0.1) {
    let re = 0;
    let im = 0;
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * hz * i) / rateHz;
      re += w[i] * Math.cos(a);
      im -= w[i] * Math.sin(a);
    }
    const power = re * re + im * im;
    if (power > bestPower) {
      bestPower = power;
      best = hz;
    }
  }
  return best;
}

/**
 * Per accelerometer and gyroscope axis: the RMS of the varying part and the peak frequency, both on log
 * scales (amplitudes span decades, and tempo ratios matter more than differences in Hz).
 */
function features(window: Float32Array, rateHz: number): number[] {
  const f: number[] = [];
  for (let a = 0; a < 6; a++) {
    const x = axis(window, a);
    f.push(Math.log10(std(x) + 1e-3), Math.log2(peakHz(x, rateHz)));
  }
  return f;
}

describe('virtual IMU gestures', () => {
  it('is deterministic by seed and independent of chunking', () => {
    const a = createGestureStream({ gesture: 'wave', sampleRateHz: RATE, seed: 7 });
    const b = createGestureStream({ gesture: 'wave', sampleRateHz: RATE, seed: 7 });
    const c = createGestureStream({ gesture: 'wave', sampleRateHz: RATE, seed: 8 });
    const whole = a.next(100);
    const parts = [b.next(37), b.next(0), b.next(63)];
    expect(Array.from(parts[0]).concat(Array.from(parts[2]))).toEqual(Array.from(whole));
    expect(Array.from(c.next(100))).not.toEqual(Array.from(whole));
  });

  it('reads about 1 g of gravity, small gyro bias and the Earth field when idle', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const v = createGestureStream({ gesture: 'idle', sampleRateHz: 119, seed }).next(119 * 3);
      const acc = [0, 1, 2].map((a) => mean(axis(v, a)));
      expect(Math.hypot(...acc)).toBeGreaterThan(STANDARD_GRAVITY - 0.3);
      expect(Math.hypot(...acc)).toBeLessThan(STANDARD_GRAVITY + 0.3);
      for (let a = 0; a < 3; a++) {
        expect(std(axis(v, a))).toBeLessThan(0.4);
        expect(Math.abs(mean(axis(v, 3 + a)))).toBeLessThan(4);
        expect(std(axis(v, 3 + a))).toBeLessThan(3);
      }
      const mag = Math.hypot(...[6, 7, 8].map((a) => mean(axis(v, a))));
      expect(mag).toBeGreaterThan(10);
      expect(mag).toBeLessThan(100);
    }
  });

  it('quantises every reading to its sensor scale and saturates at ±4 g', () => {
    const v = createGestureStream({ gesture: 'punch', sampleRateHz: RATE, seed: 3 }).next(500);
    for (let i = 0; i < v.length; i++) {
      const lsb = v[i] / IMU_SCALES[i % IMU_AXES];
      expect(Math.abs(lsb - Math.round(lsb))).toBeLessThan(1e-3 * Math.max(1, Math.abs(lsb)) + 1e-6);
      if (i % IMU_AXES < 3) expect(Math.abs(v[i])).toBeLessThanOrEqual(ACC_FULL_SCALE + 1e-3);
    }
  });

  it('gives each gesture its tempo', () => {
    const expected: Record<Exclude<Gesture, 'idle' | 'punch'>, [number, number]> = {
      wave: [1.3, 3.3],
      circle: [0.7, 1.4],
      shake: [4.6, 8.6],
    };
    for (const [gesture, [lo, hi]] of Object.entries(expected)) {
      for (let seed = 1; seed <= 5; seed++) {
        const v = createGestureStream({ gesture: gesture as Gesture, sampleRateHz: RATE, seed }).next(
          RATE * 8,
        );
        const hz = peakHz(axis(v, 0), RATE);
        expect(hz, `${gesture} seed ${seed}`).toBeGreaterThanOrEqual(lo);
        expect(hz, `${gesture} seed ${seed}`).toBeLessThanOrEqual(hi);
      }
    }
  });

  it('punches forward at 2–4 g about once a second', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const v = createGestureStream({ gesture: 'punch', sampleRateHz: RATE, seed }).next(RATE * 10);
      const forward = axis(v, 1);
      const threshold = 1.2 * STANDARD_GRAVITY;
      let punches = 0;
      let peak = 0;
      for (let i = 1; i < forward.length; i++) {
        if (forward[i] >= threshold && forward[i - 1] < threshold) punches++;
        peak = Math.max(peak, forward[i]);
      }
      expect(punches).toBeGreaterThanOrEqual(7);
      expect(punches).toBeLessThanOrEqual(14);
      expect(peak).toBeGreaterThan(1.8 * STANDARD_GRAVITY);
    }
  });

  it('switches gesture without a jump', () => {
    // A jump would be the whole difference between two postures or motions in one frame (gyro: hundreds
    // of dps). Tolerated: twice the largest frame-to-frame step of either steady gesture, or a small floor.
    const floor = [1, 1, 1, 10, 10, 10, 2, 2, 2];
    for (const from of GESTURES) {
      for (const to of GESTURES.filter((g) => g !== from)) {
        const s = createGestureStream({ gesture: from, sampleRateHz: RATE, seed: 11 });
        const before = s.next(RATE * 2);
        s.setGesture(to);
        expect(s.gesture).toBe(to);
        const after = s.next(RATE * 3);
        const joined = new Float32Array(before.length + after.length);
        joined.set(before);
        joined.set(after, before.length);
        const at = 2 * RATE;
        const during = maxSteps(joined, at - 5, at + RATE);
        const steadyFrom = maxSteps(joined, 1, at);
        const steadyTo = maxSteps(joined, at + RATE, joined.length / IMU_AXES);
        during.forEach((d, a) =>
          expect(d, `${from}→${to} axis ${a}`).toBeLessThanOrEqual(
            Math.max(2 * steadyFrom[a], 2 * steadyTo[a], floor[a]),
          ),
        );
      }
    }
  });

  it('survives switching back and forth mid-blend', () => {
    const s = createGestureStream({ gesture: 'idle', sampleRateHz: RATE, seed: 2 });
    s.next(50);
    s.setGesture('shake');
    s.next(5);
    s.setGesture('wave');
    s.next(5);
    s.setGesture('shake');
    const v = s.next(100);
    expect(v.every(Number.isFinite)).toBe(true);
    expect(s.gesture).toBe('shake');
  });

  it('rejects bad options with a StudioError', () => {
    expect(() => createGestureStream({ gesture: 'idle', sampleRateHz: 0, seed: 1 })).toThrow(StudioError);
    expect(() => createGestureStream({ gesture: 'jump' as Gesture, sampleRateHz: 100, seed: 1 })).toThrow(
      /Unknown gesture "jump"/,
    );
    expect(() => createGestureStream({ gesture: 'idle', sampleRateHz: 100, seed: 1 }).next(1.5)).toThrow(
      StudioError,
    );
  });

  it('produces gestures a nearest-centroid classifier separates (leave one seed out, ≥ 95 %)', () => {
    const SEEDS = [101, 202, 303, 404, 505];
    const WINDOWS = 5;
    const windowFrames = 2 * RATE;
    // data[seedIndex] = windows of every gesture recorded with that seed
    const data = SEEDS.map((seed) =>
      GESTURES.flatMap((gesture, label) => {
        const v = createGestureStream({ gesture, sampleRateHz: RATE, seed }).next(windowFrames * WINDOWS);
        return Array.from({ length: WINDOWS }, (_, w) => ({
          label,
          x: features(v.subarray(w * windowFrames * IMU_AXES, (w + 1) * windowFrames * IMU_AXES), RATE),
        }));
      }),
    );
    let correct = 0;
    let total = 0;
    for (let held = 0; held < SEEDS.length; held++) {
      const train = data.filter((_, i) => i !== held).flat();
      const dims = train[0].x.length;
      const mu = Array.from({ length: dims }, (_, d) => mean(train.map((t) => t.x[d])));
      const sd = Array.from({ length: dims }, (_, d) => std(train.map((t) => t.x[d])) || 1);
      const z = (x: number[]) => x.map((v, d) => (v - mu[d]) / sd[d]);
      const centroids = GESTURES.map((_, label) => {
        const rows = train.filter((t) => t.label === label).map((t) => z(t.x));
        return Array.from({ length: dims }, (_, d) => mean(rows.map((r) => r[d])));
      });
      for (const t of data[held]) {
        const zx = z(t.x);
        const distances = centroids.map((c) => c.reduce((s, v, d) => s + (v - zx[d]) ** 2, 0));
        if (distances.indexOf(Math.min(...distances)) === t.label) correct++;
        total++;
      }
    }
    const accuracy = correct / total;
    console.info(`gesture separability: ${correct}/${total} windows = ${(accuracy * 100).toFixed(1)} %`);
    expect(total).toBe(SEEDS.length * GESTURES.length * WINDOWS);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });
});

/** Largest change between consecutive frames, per axis, over frames [from, to). */
function maxSteps(values: Float32Array, from: number, to: number): number[] {
  return Array.from({ length: IMU_AXES }, (_, a) => {
    let m = 0;
    for (let f = from; f < to; f++) {
      m = Math.max(m, Math.abs(values[f * IMU_AXES + a] - values[(f - 1) * IMU_AXES + a]));
    }
    return m;
  });
}
