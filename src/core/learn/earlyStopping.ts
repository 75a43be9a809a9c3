import { StudioError } from '../errors';

export interface EarlyStoppingOptions {
  /** Epochs in a row without improvement that stop training (0: stop at the first one). */
  patience: number;
  /** How much better than the best so far a value must be to count as an improvement. */
  minDelta: number;
  monitor: 'val_loss' | 'val_accuracy';
}

export interface EpochMetrics {
  val_loss?: number;
  val_accuracy?: number;
}

export interface EarlyStopping {
  /**
   * Feed each epoch's logs in order. `improved`: this epoch is the best so far (keep its weights). An epoch
   * whose monitored value is missing or not finite (a diverged loss) counts as no improvement.
   */
  update(logs: EpochMetrics): { stop: boolean; improved: boolean };
  /** The 1-based epoch of the best value (the count of `update` calls then); 0 before any improvement. */
  readonly bestEpoch: number;
  /** The best monitored value so far; undefined before any improvement. */
  readonly bestValue: number | undefined;
}

/** Early stopping as in Keras's EarlyStopping callback: stop after `patience` epochs without improvement. */
export function createEarlyStopping(options: EarlyStoppingOptions): EarlyStopping {
  const { patience, minDelta, monitor } = options;
  if (!(Number.isInteger(patience) && patience >= 0) || !(minDelta >= 0)) {
    throw new StudioError(
      'early-stopping',
      `Early stopping needs a whole patience ≥ 0 and a minimum change ≥ 0 (got ${patience} and ${minDelta}).`,
    );
  }
  const lowerIsBetter = monitor === 'val_loss';
  let bestValue: number | undefined;
  let bestEpoch = 0;
  let epoch = 0;
  let waited = 0;
  return {
    update(logs) {
      epoch++;
      const value = logs[monitor];
      const improved =
        value !== undefined &&
        Number.isFinite(value) &&
        (bestValue === undefined ||
          (lowerIsBetter ? value < bestValue - minDelta : value > bestValue + minDelta));
      if (improved) {
        bestValue = value;
        bestEpoch = epoch;
        waited = 0;
        return { stop: false, improved };
      }
      waited++;
      return { stop: waited >= patience, improved };
    },
    get bestEpoch() {
      return bestEpoch;
    },
    get bestValue() {
      return bestValue;
    },
  };
}
