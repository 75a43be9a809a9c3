import { describe, expect, it } from 'vitest';
import { getBoard } from './boards';
import { calibrationTable, fitCalibration } from './calibration';
import { MEASUREMENTS } from './calibrationData';
import { DSP_FIT, NN_FIT } from './calibrationFit';
import { estimateModel } from './cost';
import { kwsGraph } from './costTestModels';

const kws = kwsGraph();
const table = calibrationTable(kws);

describe('calibration', () => {
  it('keeps every fitted TFLM + CMSIS-NN row, and every check, within 20 %', () => {
    const fitted = table.rows.filter((r) => r.measurement.kind === 'fitted-nn');
    expect(fitted.map((r) => r.measurement.id)).toEqual([
      'nucleo-l4r5zi/kws',
      'nucleo-l4r5zi/ad',
      'ek-ra6m4/kws',
      'ek-ra6m4/ad',
      'ek-ra8d1/kws',
      'ek-ra8d1/ad',
    ]);
    for (const r of table.rows.filter((row) => row.errorPct !== null))
      expect(Math.abs(r.errorPct!), r.measurement.id).toBeLessThanOrEqual(20);
    expect(table.worstErrorPct).toBe(Math.max(...table.rows.map((r) => Math.abs(r.errorPct ?? 0))));
  });

  it('estimates KWS on the NUCLEO-L4R5ZI within ±15 % of the published 181.9 ms', () => {
    const profile = estimateModel(getBoard('nucleo-l4r5zi'), kws, 'tflm-cmsis-nn');
    expect(Math.abs(profile.ms / 181.9 - 1)).toBeLessThan(0.15);
    const row = table.rows.find((r) => r.measurement.id === 'nucleo-l4r5zi/kws')!;
    expect(Math.abs(row.estimateMs / 181.9 - 1)).toBeLessThan(0.15);
  });

  it('reports other engines as bounds the TFLM estimate does not beat, never as fitted rows', () => {
    const bounds = table.rows.filter((r) => r.measurement.kind === 'bound');
    expect(bounds.map((r) => r.measurement.software)).toEqual([
      'Bosch HALE 1.0 (not TFLM)',
      'Bosch HALE 1.0 (not TFLM)',
      'Plumerai inference engine (not TFLM)',
      'Plumerai inference engine (not TFLM)',
    ]);
    for (const r of bounds) {
      expect(r.errorPct).toBeNull();
      expect(r.boundHolds, r.measurement.id).toBe(true);
    }
  });

  it('publishes the fit it computes from the measurements', () => {
    const fit = fitCalibration(kws);
    for (const [core, value] of Object.entries(fit.nn.efficiency))
      expect(NN_FIT.efficiency[core as keyof typeof NN_FIT.efficiency], core).toBeCloseTo(value, 2);
    expect(Object.keys(NN_FIT.efficiency).sort()).toEqual(Object.keys(fit.nn.efficiency).sort());
    expect(NN_FIT.windowFactor).toBeCloseTo(fit.nn.windowFactor, 2);
    expect(DSP_FIT.efficiency).toBeCloseTo(fit.dspEfficiency, 2);
    // The published (rounded) fit is as good as the exact one.
    expect(table.worstErrorPct).toBeCloseTo(calibrationTable(kws, fit).worstErrorPct, 0);
  });

  it('fits on the TFLM + CMSIS-NN and Edge Impulse DSP rows only', () => {
    const fit = fitCalibration(kws);
    const fitted = MEASUREMENTS.filter((m) => m.kind === 'fitted-nn' || m.kind === 'fitted-dsp');
    expect(fitted.every((m) => m.software.includes('TFLM') || m.part === 'dsp')).toBe(true);
    expect(MEASUREMENTS.filter((m) => m.software.includes('not TFLM')).every((m) => m.kind === 'bound')).toBe(
      true,
    );
    expect(fitCalibration(kws, fitted)).toEqual(fit);
    const movedOthers = MEASUREMENTS.map((m) => (fitted.includes(m) ? m : { ...m, ms: m.ms * 10 }));
    expect(fitCalibration(kws, movedOthers)).toEqual(fit);
    // A fitted row does move its core's efficiency.
    const slowerM4 = MEASUREMENTS.map((m) => (m.id === 'nucleo-l4r5zi/ad' ? { ...m, ms: m.ms * 2 } : m));
    expect(fitCalibration(kws, slowerM4).nn.efficiency['cortex-m4f']).toBeGreaterThan(
      fit.nn.efficiency['cortex-m4f']!,
    );
  });
});
