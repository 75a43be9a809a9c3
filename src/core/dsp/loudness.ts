/**
 * Edge Impulse's loudness scaling (implementation version ≥ 3, DESIGN.md §5): power clipped below at 1e-30,
 * 10·log10, then (dB − noise floor) / (−noise floor + 12): the noise floor maps to 0 and +12 dB to 1.
 */
export function noiseFloorScale(power: number, noiseFloorDb: number): number {
  const db = 10 * Math.log10(power < 1e-30 ? 1e-30 : power);
  return (db - noiseFloorDb) / (12 - noiseFloorDb);
}

/** numpy.around: round half to even. */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
