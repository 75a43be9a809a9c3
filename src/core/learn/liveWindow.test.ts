import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { sliceWindows } from '../dataset/windowing';
import type { SampleValues } from '../dataset/sample';
import { Random } from '../virtual/random';
import { LiveWindower, liveAxisIndices, type LiveWindow } from './liveWindow';
import { impulseInputProblems } from '../validation/impulseInputRules';

interface Case {
  sensorAxes: string[];
  sensorHz: number;
  impulseAxes: string[];
  frequencyHz: number;
  windowSizeMs: number;
  windowStrideMs: number;
  audio: boolean;
  seconds: number;
}

function signal(c: Case, seed: number): SampleValues {
  const random = new Random(seed);
  const n = Math.round(c.seconds * c.sensorHz) * c.sensorAxes.length;
  if (c.audio) return Int16Array.from({ length: n }, () => Math.round(random.uniform(-20000, 20000)));
  return Float32Array.from({ length: n }, () => random.gaussian() * 3);
}

function windower(c: Case): LiveWindower {
  return new LiveWindower({
    input: {
      windowSizeMs: c.windowSizeMs,
      windowStrideMs: c.windowStrideMs,
      frequencyHz: c.frequencyHz,
      axes: c.impulseAxes,
    },
    sensorAxes: c.sensorAxes,
    sensorName: 'test sensor',
    sensorHz: c.sensorHz,
  });
}

function sliced(c: Case, values: SampleValues) {
  return sliceWindows(
    { values, sensors: c.sensorAxes.map((name) => ({ name, units: 'u' })), intervalMs: 1000 / c.sensorHz },
    {
      windowSizeMs: c.windowSizeMs,
      windowStrideMs: c.windowStrideMs,
      frequencyHz: c.frequencyHz,
      zeroPad: false,
      axes: c.impulseAxes,
    },
  );
}

/** Feeds the signal in uneven chunks, taking every window as soon as it is due. */
function streamAll(c: Case, values: SampleValues, seed: number): LiveWindow[] {
  const w = windower(c);
  const width = c.sensorAxes.length;
  const random = new Random(seed);
  const out: LiveWindow[] = [];
  const total = values.length / width;
  for (let f = 0; f < total;) {
    const n = Math.min(total - f, 1 + Math.floor(random.next() * (c.audio ? 700 : 9)));
    w.push(values.subarray(f * width, (f + n) * width), n);
    f += n;
    for (let taken = w.takeLatest(); taken; taken = w.takeLatest()) out.push(taken);
  }
  return out;
}

/**
 * Every window taken live equals sliceWindows' window with the same start (exactly, or within `ulps` float32
 * rounding steps), and taken plus passed-over windows cover all of sliceWindows' but the last one or two,
 * which it pads past the end of the recording.
 */
function expectSameAsSliced(c: Case, seed: number, ulps = 0): void {
  const values = signal(c, seed);
  const reference = sliced(c, values);
  const live = streamAll(c, values, seed + 1);
  let k = -1;
  for (const w of live) {
    k += w.skipped + 1;
    expect(w.startMs).toBeCloseTo(reference.startMs[k], 9);
    if (ulps === 0) expect(w.values).toEqual(reference.windows[k]);
    else
      w.values.forEach((v, i) =>
        expect(Math.abs(v - reference.windows[k][i])).toBeLessThanOrEqual(
          ulps * 2 ** -23 * Math.max(1, Math.abs(v)),
        ),
      );
  }
  expect(k + 1).toBeGreaterThanOrEqual(reference.windows.length - 2);
  expect(k + 1).toBeLessThanOrEqual(reference.windows.length);
  expect(live.length).toBeGreaterThan(reference.windows.length / 2);
}

const imu = { sensorAxes: ['accX', 'accY', 'accZ'], audio: false, seconds: 12 };
const audio = { sensorAxes: ['audio'], impulseAxes: ['audio'], audio: true, seconds: 4 };

describe('LiveWindower gives the windows sliceWindows cuts from the same signal', () => {
  it('at the sensor rate, with the impulse axes reordered and a subset', () => {
    expectSameAsSliced(
      {
        ...imu,
        sensorHz: 62.5,
        impulseAxes: ['accZ', 'accX'],
        frequencyHz: 62.5,
        windowSizeMs: 2000,
        windowStrideMs: 80,
      },
      1,
    );
  });

  it('downsampling 100 → 62.5 Hz (linear interpolation)', () => {
    expectSameAsSliced(
      {
        ...imu,
        sensorHz: 100,
        impulseAxes: ['accX', 'accY', 'accZ'],
        frequencyHz: 62.5,
        windowSizeMs: 1000,
        windowStrideMs: 250,
      },
      2,
    );
  });

  it('upsampling 62.5 → 100 Hz with a stride that is not a whole number of frames', () => {
    expectSameAsSliced(
      {
        ...imu,
        sensorHz: 62.5,
        impulseAxes: ['accY'],
        frequencyHz: 100,
        windowSizeMs: 1500,
        windowStrideMs: 333,
      },
      3,
    );
  });

  it('int16 audio at 16 kHz', () => {
    expectSameAsSliced(
      { ...audio, sensorHz: 16000, frequencyHz: 16000, windowSizeMs: 1000, windowStrideMs: 500 },
      4,
    );
  });

  it('int16 audio 16 → 8 kHz (band-limited resampling)', () => {
    expectSameAsSliced(
      { ...audio, sensorHz: 16000, frequencyHz: 8000, windowSizeMs: 1000, windowStrideMs: 250 },
      5,
    );
  });

  it('int16 audio 16 → 11.025 kHz (a 640:441 ratio, within one float32 step)', () => {
    expectSameAsSliced(
      { ...audio, sensorHz: 16000, frequencyHz: 11025, windowSizeMs: 500, windowStrideMs: 300 },
      6,
      1,
    );
  });
});

describe('LiveWindower when the consumer falls behind', () => {
  it('gives the newest due window and counts the ones passed over', () => {
    const c: Case = {
      ...imu,
      sensorHz: 100,
      impulseAxes: ['accX', 'accZ'],
      frequencyHz: 50,
      windowSizeMs: 1000,
      windowStrideMs: 200,
      seconds: 6,
    };
    const values = signal(c, 7);
    const reference = sliced(c, values);
    const w = windower(c);
    expect(w.takeLatest()).toBeNull();
    // 3 s arrive in one go (the ring holds far less than that): windows at 0…1800 ms are due.
    w.push(values.subarray(0, 300 * 3), 300);
    const late = w.takeLatest()!;
    expect(late.startMs).toBe(1800);
    expect(late.skipped).toBe(9);
    expect(late.values).toEqual(reference.windows[9]);
    expect(w.takeLatest()).toBeNull();
    w.push(values.subarray(300 * 3, 301 * 3), 1);
    const next = w.takeLatest()!;
    expect(next).toMatchObject({ startMs: 2000, skipped: 0 });
    expect(next.values).toEqual(reference.windows[10]);
  });

  it('restarts the window count after reset (a gap in the stream)', () => {
    const c: Case = {
      ...imu,
      sensorHz: 50,
      impulseAxes: ['accY'],
      frequencyHz: 50,
      windowSizeMs: 400,
      windowStrideMs: 100,
      seconds: 2,
    };
    const values = signal(c, 8);
    const w = windower(c);
    w.push(values.subarray(0, 30 * 3), 30);
    expect(w.takeLatest()?.startMs).toBe(200);
    w.reset();
    w.push(values.subarray(30 * 3, 49 * 3), 19);
    expect(w.takeLatest()).toBeNull();
    w.push(values.subarray(49 * 3, 50 * 3), 1);
    const first = w.takeLatest()!;
    expect(first).toMatchObject({ startMs: 0, skipped: 0 });
    expect(Array.from(first.values)).toEqual(
      Array.from(values.subarray(30 * 3, 50 * 3).filter((_, i) => i % 3 === 1)),
    );
  });
});

describe('LiveWindower errors', () => {
  it('names a missing axis', () => {
    expect(() => liveAxisIndices(['accX', 'accY'], ['accX', 'gyrZ'], 'IMU')).toThrow(
      /"IMU" has no "gyrZ" axis \(it has accX, accY\)/,
    );
    try {
      new LiveWindower({
        input: { windowSizeMs: 1000, windowStrideMs: 100, frequencyHz: 100, axes: ['audio'] },
        sensorAxes: ['accX'],
        sensorName: 'IMU',
        sensorHz: 100,
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StudioError);
      expect((e as StudioError).code).toBe('live-axis');
    }
  });

  it('rejects readings with the wrong number of values and an unknown rate', () => {
    const input = { windowSizeMs: 1000, windowStrideMs: 100, frequencyHz: 100, axes: ['accX'] };
    const w = new LiveWindower({ input, sensorAxes: ['accX', 'accY'], sensorName: 'IMU', sensorHz: 100 });
    expect(() => w.push(new Float32Array(5), 2)).toThrow(StudioError);
    expect(() => new LiveWindower({ input, sensorAxes: ['accX'], sensorName: 'IMU', sensorHz: 0 })).toThrow(
      /not known yet/,
    );
  });

  it('refuses a stride under one sample period with the message the impulse form shows', () => {
    const input = { windowSizeMs: 1000, windowStrideMs: 5, frequencyHz: 62.5, axes: ['accX'] };
    const options = { input, sensorAxes: ['accX'], sensorName: 'IMU', sensorHz: 62.5 };
    expect(() => new LiveWindower(options)).toThrow(
      expect.objectContaining({
        code: 'window-params',
        message: impulseInputProblems({ ...input, zeroPad: true }).windowStrideMs,
      }),
    );
    expect(() => new LiveWindower(options)).toThrow(/use a stride of at least 16 ms/);
    expect(() => new LiveWindower({ ...options, input: { ...input, windowStrideMs: 16 } })).not.toThrow();
  });
});
