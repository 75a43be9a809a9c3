import { describe, expect, it } from 'vitest';
import { RateEstimator, snapRate } from './rateEstimator';
import { SerialSession } from './serialSession';
import type { RateEvent } from './sessionEvents';
import { burstDelivery } from './testUtils/forwarderLines';
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
  it('snaps to the nearest common rate within 1.5 % and otherwise keeps 3 significant digits', () => {
    expect(snapRate(62.0)).toBe(62.5);
    expect(snapRate(99.2)).toBe(100);
    expect(snapRate(117.5)).toBe(119);
    expect(snapRate(103.1)).toBe(104);
    expect(snapRate(59.9)).toBe(59.5);
    expect(snapRate(15_800)).toBe(16_000);
    expect(snapRate(37.04)).toBe(37);
    expect(snapRate(97)).toBe(97);
    expect(snapRate(0.3333)).toBe(0.333);
  });
});

describe('RateEstimator', () => {
  it('counts intervals, not lines: 11 lines over 1 s is 10 Hz', () => {
    const estimator = new RateEstimator();
    for (let i = 0; i <= 10; i++) estimator.add(i + 1, i * 100);
    expect(estimator.estimate()).toEqual({ hz: 10, measuredHz: expect.closeTo(10, 9) });
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
  for (const hz of [62.5, 100, 119, 50, 25, 200]) {
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
        expect(Math.abs(rates[0].measuredHz! - hz) / hz).toBeLessThan(0.015);
      }
    });
  }

  it('reports an uncommon rate as measured', () => {
    const rates = detectedRates(37, 8, 9);
    expect(rates.map((r) => r.hz)).toEqual([37]);
  });

  it('copes with heavy event-loop jitter', () => {
    for (const hz of [62.5, 100])
      expect(
        detectedRates(hz, 8, 4, 25)
          .map((r) => r.hz)
          .at(-1),
      ).toBe(hz);
  });
});
