import { describe, expect, it } from 'vitest';
import { applyScaler, fitScaler } from './scaler';

describe('fitScaler / applyScaler', () => {
  const rows = [Float32Array.of(1, 10, 5), Float32Array.of(3, 20, 5), Float32Array.of(5, 30, 5)];

  it('fits each feature’s mean and population standard deviation; a constant feature keeps σ = 1', () => {
    const scaler = fitScaler(rows);
    expect(scaler.mean).toEqual([3, 20, 5]);
    expect(scaler.std[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(scaler.std[1]).toBeCloseTo(Math.sqrt(200 / 3), 12);
    expect(scaler.std[2]).toBe(1);
  });

  it('standardises rows to mean 0 and σ 1 per feature', () => {
    const scaler = fitScaler(rows);
    const scaled = rows.map((r) => applyScaler(scaler, r));
    for (let j = 0; j < 2; j++) {
      const col = scaled.map((r) => r[j]);
      expect(col.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 6);
      expect(col.reduce((a, b) => a + b * b, 0) / col.length).toBeCloseTo(1, 6);
    }
    expect(Array.from(applyScaler(scaler, [3, 20, 7]))).toEqual([0, 0, 2]);
  });

  it('survives a JSON round trip', () => {
    const scaler = fitScaler(rows);
    const copy = JSON.parse(JSON.stringify(scaler));
    expect(applyScaler(copy, rows[0])).toEqual(applyScaler(scaler, rows[0]));
  });

  it('rejects no rows, ragged rows and rows of the wrong width', () => {
    expect(() => fitScaler([])).toThrow(expect.objectContaining({ code: 'scaler-no-rows' }));
    expect(() => fitScaler([[1, 2], [1]])).toThrow(expect.objectContaining({ code: 'scaler-rows' }));
    expect(() => applyScaler(fitScaler(rows), [1, 2])).toThrow(
      expect.objectContaining({ code: 'scaler-features' }),
    );
  });
});
