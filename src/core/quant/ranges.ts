/** A real interval seen for one tensor during calibration. */
export interface ValueRange {
  min: number;
  max: number;
}

/** Calibrated ranges of a float graph's activation tensors, keyed by tensor index. */
export type ActivationRanges = ReadonlyMap<number, ValueRange>;

/** Affine int8 parameters of one tensor: real = scale · (q − zeroPoint). */
export interface AffineParams {
  scale: number;
  zeroPoint: number;
}
