/**
 * The published fit (calibration.ts computes it, calibration.test.ts checks these numbers are what the fit gives):
 * the cost model's instruction counts times one efficiency factor per core family — what the counted inner loops
 * miss (compiler scheduling, stalls the loop counts leave out, the library's bookkeeping) — plus one factor for
 * TFLM + CMSIS-NN's convolution kernels relative to its matrix kernels, shared by every core. Cores without a
 * TFLM + CMSIS-NN measurement take the geometric mean of the fitted ones and say so.
 */
import type { CoreFamily } from './cores';

export interface NnFit {
  /** Measured ÷ counted cycles, per calibrated core family. */
  efficiency: Partial<Record<CoreFamily, number>>;
  /** Extra factor on the convolution kernels of TFLM + CMSIS-NN (im2col and window bookkeeping beyond the count). */
  windowFactor: number;
}

export const NN_FIT: NnFit = {
  // NUCLEO-L4R5ZI (TFLM 2.3.1), EK-RA6M4, EK-RA8D1: KWS and AD each.
  efficiency: { 'cortex-m4f': 2.224, 'cortex-m33': 1.339, 'cortex-m85': 1.727 },
  windowFactor: 1.505,
};

/** Measured ÷ counted cycles of Edge Impulse's DSP code (its gesture-impulse DSP figures on a Cortex-M4F and M0+). */
export const DSP_FIT = { efficiency: 2.672 };

function geometricMean(values: number[]): number {
  return Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);
}

/** The efficiency factor for a core family, and whether it was fitted on that family's own measurements. */
export function nnEfficiency(
  family: CoreFamily,
  fit: NnFit = NN_FIT,
): { value: number; calibrated: boolean } {
  const own = fit.efficiency[family];
  if (own !== undefined) return { value: own, calibrated: true };
  return { value: geometricMean(Object.values(fit.efficiency)), calibrated: false };
}
