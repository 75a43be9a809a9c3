import { StudioError } from '../errors';
import type { ValueRange } from './ranges';
import { RelativeHistogram } from './relativeHistogram';

/** How calibration turns the values seen in a tensor into its range. */
export type CalibrationMethod = { method: 'minmax' } | { method: 'percentile'; percentile: number };

/** Collects one tensor's values over all calibration windows, in bounded memory. */
export interface RangeRecorder {
  add(values: ArrayLike<number>): void;
  /** The range so far; undefined before any value other than NaN. */
  range(): ValueRange | undefined;
}

export function rangeRecorderFactory(method: CalibrationMethod): () => RangeRecorder {
  if (method.method === 'minmax') return () => new MinMaxRecorder();
  const { percentile } = method;
  if (!(Number.isFinite(percentile) && percentile > 50 && percentile <= 100)) {
    throw new StudioError(
      'quant-bad-percentile',
      `The calibration percentile must be above 50 and at most 100; got ${percentile}.`,
    );
  }
  return () => new PercentileRecorder(percentile);
}

class MinMaxRecorder implements RangeRecorder {
  protected min = Infinity;
  protected max = -Infinity;

  add(values: ArrayLike<number>): void {
    let { min, max } = this;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    this.min = min;
    this.max = max;
  }

  range(): ValueRange | undefined {
    return this.min <= this.max ? { min: this.min, max: this.max } : undefined;
  }
}

/**
 * Clips both tails: the range runs from the (100 − p)th to the pth percentile of every value seen, each
 * kept within the true min and max. At p = 100 it is exactly the min/max range.
 */
class PercentileRecorder extends MinMaxRecorder {
  private readonly histogram = new RelativeHistogram();

  constructor(private readonly percentile: number) {
    super();
  }

  add(values: ArrayLike<number>): void {
    super.add(values);
    this.histogram.add(values);
  }

  range(): ValueRange | undefined {
    const exact = super.range();
    if (exact === undefined || this.percentile === 100) return exact;
    const fraction = this.percentile / 100;
    const clip = (v: number) => Math.min(exact.max, Math.max(exact.min, v));
    return { min: clip(this.histogram.quantile(1 - fraction)), max: clip(this.histogram.quantile(fraction)) };
  }
}
