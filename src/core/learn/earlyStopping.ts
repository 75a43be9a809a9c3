export interface EarlyStoppingOptions {
  /** Epochs without improvement before stopping. */
  patience: number;
  /** The smallest change that counts as an improvement. */
  minDelta: number;
  monitor: 'val_loss' | 'val_accuracy';
}

export interface EarlyStopping {
  /** Feed each epoch's logs; `improved` means this epoch is the best so far. */
  update(logs: { val_loss?: number; val_accuracy?: number }): { stop: boolean; improved: boolean };
  /** The 1-based epoch of the best value (0 before any). */
  readonly bestEpoch: number;
}

export function createEarlyStopping(options: EarlyStoppingOptions): EarlyStopping {
  const lowerIsBetter = options.monitor === 'val_loss';
  let best = lowerIsBetter ? Infinity : -Infinity;
  let bestEpoch = 0;
  let epoch = 0;
  let waited = 0;
  return {
    update(logs) {
      epoch++;
      const value = logs[options.monitor];
      if (value === undefined || !Number.isFinite(value)) return { stop: false, improved: false };
      const improved = lowerIsBetter ? value < best - options.minDelta : value > best + options.minDelta;
      if (improved) {
        best = value;
        bestEpoch = epoch;
        waited = 0;
      } else {
        waited++;
      }
      return { stop: waited >= options.patience, improved };
    },
    get bestEpoch() {
      return bestEpoch;
    },
  };
}
