import type { EpochLog } from './train';

/**
 * Advice when a classifier's training went wrong in a way the user can fix, from its epoch history: a loss that
 * became infinite or NaN, a loss that did not fall, or an accuracy no better than guessing. Null when it learned.
 */
export function trainingHint(history: readonly EpochLog[], classes: number): string | null {
  if (history.length === 0 || classes < 2) return null;
  const first = history[0];
  const last = history[history.length - 1];
  const lr = 'Lower the learning rate (e.g. by 10×)';
  if (!history.every((h) => Number.isFinite(h.loss))) {
    return `The loss diverged (it became ${Number.isNaN(last.loss) ? 'NaN' : 'infinite'}). ${lr} and train again.`;
  }
  const chance = 1 / classes;
  const accuracy = last.valAccuracy ?? last.accuracy;
  if (history.length >= 3 && last.loss >= first.loss * 0.98) {
    return (
      `The loss did not fall (${first.loss.toPrecision(3)} at epoch 1, ${last.loss.toPrecision(3)} at epoch ` +
      `${last.epoch}): the network is not learning. ${lr}, check that the labels differ in the data, or ` +
      'train for more epochs.'
    );
  }
  if (accuracy !== null && history.length >= 3 && accuracy <= chance + 0.05) {
    return (
      `The accuracy (${(accuracy * 100).toFixed(0)} %) is no better than guessing among ${classes} labels ` +
      `(${(chance * 100).toFixed(0)} %). ${lr}, record more varied data per label, or check the labels.`
    );
  }
  return null;
}
