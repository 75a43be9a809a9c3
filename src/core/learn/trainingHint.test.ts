import { describe, expect, it } from 'vitest';
import type { EpochLog } from './train';
import { trainingHint } from './trainingHint';

const log = (epoch: number, loss: number, valAccuracy: number | null): EpochLog => ({
  epoch,
  loss,
  valLoss: null,
  accuracy: null,
  valAccuracy,
  elapsedMs: 0,
});

describe('trainingHint', () => {
  it('says nothing when the loss falls and the accuracy beats guessing', () => {
    expect(trainingHint([log(1, 1.2, 0.5), log(2, 0.6, 0.8), log(3, 0.2, 0.95)], 4)).toBeNull();
  });

  it('names a diverged loss', () => {
    expect(trainingHint([log(1, 1.2, 0.5), log(2, NaN, 0.25)], 4)).toMatch(
      /diverged .*NaN.*Lower the learning rate/,
    );
  });

  it('names a loss that did not fall, as on unscaled 6-axis data (8.06 at 50 %)', () => {
    const h = [log(1, 8.06, 0.5), log(2, 8.06, 0.5), log(3, 8.06, 0.5)];
    expect(trainingHint(h, 2)).toMatch(/did not fall \(8.06 at epoch 1, 8.06 at epoch 3\)/);
  });

  it('names an accuracy at chance even when the loss fell', () => {
    const h = [log(1, 2, 0.3), log(2, 1.5, 0.3), log(3, 1.3, 0.33)];
    expect(trainingHint(h, 3)).toMatch(/no better than guessing among 3 labels \(33 %\)/);
  });
});
