import { describe, expect, it } from 'vitest';
import { RateEstimator, reportedRate, snapRate } from './rateEstimator';
import { SerialSession } from './serialSession';
import type { RateEvent } from './sessionEvents';
import { burstDelivery, sensorLine } from './testUtils/forwarderLines';
import { seededRandom } from './testUtils/streams';

/** Rate events of a session fed with `hz` lines in 64-byte bursts, with the time each was reported. */
function detectedRates(hz: number, seconds: number, seed: number, jitterMs = 4) {
  const session = new SerialSession();
  const rates: (RateEvent & { atMs: number })[] = [];
  for (const { bytes, atMs } of burstDelivery(hz, seconds, seededRandom(seed), { jitterMs })) {
    for (const e of session.feed(bytes, atMs))
      if (e.type === 'rate' && e.hz !== null) rates.push({ ...e, atMs });
  }
  return rates;
}

describe('snapRate', () => {
  it('takes the nearest round rate within the given relative error', () => {
    expect(snapRate(62.4, 0.002)).toBe(62.5);
    expect(snapRate(99.9, 0.002)).toBe(100);
    expect(snapRate(59.6, 0.002)).toBe(59.5);
    expect(snapRate(15_990, 0.002)).toBe(16_000);
    expect(snapRate(37.04, 0.002)).toBe(37);
  });

  it('prefers a listed rate to a whole number', () => {
    expect(snapRate(952.6, 0.002)).toBe(952);
    expect(snapRate(1665.2, 0.002)).toBe(1666);
  });

  it('does not move a precise measurement to a listed rate further away', () => {
    expect(snapRate(59.9, 0.002)).toBe(60);
    expect(snapRate(60.09, 0.002)).toBe(60);
    expect(snapRate(60.09, 0.001)).toBeNull();
    expect(snapRate(101, 0.002)).toBe(101);
    expect(snapRate(52.63, 0.002)).toBeNull();
  });

  it('never snaps further than 0.3 %, however noisy the fit', () => {
    expect(snapRate(99.5, 0.05)).toBeNull();
    expect(snapRate(117.5, 0.05)).toBeNull();
  });
});

describe('reportedRate', () => {
  it('keeps 4 significant digits of a measurement no round rate agrees with', () => {
    expect(reportedRate(52.6316, 0.0005)).toEqual({ hz: 52.63, measuredHz: 52.6316, relativeError: 0.0005 });
    expect(reportedRate(0.33333, 0.0005).hz).toBe(0.3333);
    expect(reportedRate(101.4, 0.0005).hz).toBe(101.4);
  });

  it('reports the round rate when it is within 4 standard errors', () => {
    expect(reportedRate(60.09, 0.0005).hz).toBe(60);
    expect(reportedRate(60.09, 0.0003).hz).toBe(60.09);
  });
});

describe('RateEstimator', () => {
  it('counts intervals, not lines: 11 lines over 1 s is 10 Hz', () => {
    const estimator = new RateEstimator();
    for (let i = 0; i <= 10; i++) estimator.add(i + 1, i * 100);
    expect(estimator.estimate()).toEqual({
      hz: 10,
      measuredHz: expect.closeTo(10, 9),
      relativeError: expect.closeTo(0, 9),
    });
  });

  it('waits for at least a second of evidence', () => {
    const estimator = new RateEstimator();
    for (let i = 0; i < 99; i++) estimator.add(i + 1, i * 10);
    expect(estimator.estimate()).toBeNull();
    estimator.add(100, 990);
    estimator.add(101, 1000);
    expect(estimator.estimate()?.hz).toBe(100);
  });

  it('starts over after a pause', () => {
    const estimator = new RateEstimator();
    for (let i = 0; i < 30; i++) estimator.add(i + 1, i * 100);
    estimator.add(31, 10_000);
    expect(estimator.estimate()).toBeNull();
  });
});

describe('forwarder rate detection with USB burst delivery', () => {
  for (const hz of [62.5, 100, 119, 50, 25, 200, 60, 120, 101]) {
    it(`finds ${hz} Hz from lines in 64-byte bursts, within seconds`, () => {
      for (let seed = 1; seed <= 5; seed++) {
        const rates = detectedRates(hz, 6, seed);
        expect(rates.length, `seed ${seed}`).toBeGreaterThan(0);
        expect(
          rates.map((r) => r.hz),
          `seed ${seed}`,
        ).toEqual([hz]);
        expect(rates[0].atMs).toBeGreaterThanOrEqual(1000);
        expect(rates[0].atMs).toBeLessThan(4500);
        expect(Math.abs(rates[0].measuredHz! - hz) / hz).toBeLessThan(0.003);
      }
    });
  }

  it('does not count messages printed between readings, but does count garbled readings', () => {
    const withMessages = (i: number) =>
      sensorLine(i) + (i > 0 && i % 97 === 0 ? (i % 194 ? 'x=1 y=2 z=3\r\n' : 'Starting sensor...\r\n') : '');
    const garbled = (i: number) => (i > 0 && i % 89 === 0 ? '1.2-,,3..4\r\n' : sensorLine(i));
    for (const line of [withMessages, garbled]) {
      const session = new SerialSession();
      const rates: number[] = [];
      for (const { bytes, atMs } of burstDelivery(62.5, 8, seededRandom(3), { line }))
        for (const e of session.feed(bytes, atMs)) if (e.type === 'rate' && e.hz !== null) rates.push(e.hz);
      expect(rates.at(-1)).toBe(62.5);
    }
  });

  it('reports an uncommon whole rate exactly', () => {
    const rates = detectedRates(37, 8, 9);
    expect(rates.map((r) => r.hz)).toEqual([37]);
  });

  it('reports a rate that is not round (19 ms loop, 52.63 Hz) as measured, not as a nearby round rate', () => {
    const hz = 1000 / 19;
    for (let seed = 1; seed <= 5; seed++) {
      const rates = detectedRates(hz, 8, seed);
      expect(rates.length, `seed ${seed}`).toBeGreaterThan(0);
      for (const r of rates) {
        expect(Math.abs(r.hz! - hz) / hz, `seed ${seed}: ${r.hz}`).toBeLessThan(0.003);
        expect([52, 52.5, 53], `seed ${seed}`).not.toContain(r.hz);
      }
    }
  });

  it('copes with heavy event-loop jitter: a rough first estimate gives way to the right rate', () => {
    for (const hz of [62.5, 100, 200, 25, 37, 60])
      for (let seed = 1; seed <= 8; seed++) {
        const rates = detectedRates(hz, 8, seed, 25).map((r) => r.hz);
        expect(rates.at(-1), `${hz} Hz, seed ${seed}: ${rates.join(' ')}`).toBe(hz);
        expect(rates.length, `${hz} Hz, seed ${seed}: ${rates.join(' ')}`).toBeLessThanOrEqual(2);
      }
  });
});
