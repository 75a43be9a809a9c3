/** The sampling rate a user may state for a data-forwarder board. */
import { numberProblem, type NumberRule } from './numberRule';

/** A rate typed by hand above this is a typo: no serial sketch prints lines that fast. */
export const MAX_FORWARDER_HZ = 100_000;

export const FORWARDER_RATE_RULE: NumberRule = {
  label: 'Sampling rate',
  above: 0,
  max: MAX_FORWARDER_HZ,
  unit: 'Hz',
};

/** Why `hz` cannot be the board's rate, or null. */
export function forwarderRateProblem(hz: number): string | null {
  return numberProblem(hz, FORWARDER_RATE_RULE);
}
