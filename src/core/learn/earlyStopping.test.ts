import { describe, expect, it } from 'vitest';
import { createEarlyStopping } from './earlyStopping';

describe('createEarlyStopping', () => {
  it('stops after `patience` epochs without a lower validation loss and remembers the best epoch', () => {
    const es = createEarlyStopping({ patience: 2, minDelta: 0, monitor: 'val_loss' });
    expect(es.bestEpoch).toBe(0);
    expect(es.bestValue).toBeUndefined();
    const out = [1, 0.5, 0.6, 0.4, 0.45, 0.41].map((l) => es.update({ val_loss: l }));
    expect(out.map((o) => o.improved)).toEqual([true, true, false, true, false, false]);
    expect(out.map((o) => o.stop)).toEqual([false, false, false, false, false, true]);
    expect(es.bestEpoch).toBe(4);
    expect(es.bestValue).toBe(0.4);
  });

  it('needs an improvement larger than minDelta', () => {
    const es = createEarlyStopping({ patience: 2, minDelta: 0.05, monitor: 'val_loss' });
    const out = [1, 0.97, 0.94, 0.9].map((l) => es.update({ val_loss: l }));
    expect(out.map((o) => o.improved)).toEqual([true, false, true, false]);
    expect(out.map((o) => o.stop)).toEqual([false, false, false, false]);
    expect(es.bestEpoch).toBe(3);
  });

  it('monitors validation accuracy upwards', () => {
    const es = createEarlyStopping({ patience: 1, minDelta: 0, monitor: 'val_accuracy' });
    const out = [0.5, 0.7, 0.7].map((a) => es.update({ val_loss: 9, val_accuracy: a }));
    expect(out).toEqual([
      { stop: false, improved: true },
      { stop: false, improved: true },
      { stop: true, improved: false },
    ]);
    expect(es.bestEpoch).toBe(2);
  });

  it('with patience 0 stops at the first epoch without improvement', () => {
    const es = createEarlyStopping({ patience: 0, minDelta: 0, monitor: 'val_loss' });
    expect(es.update({ val_loss: 1 })).toEqual({ stop: false, improved: true });
    expect(es.update({ val_loss: 1 })).toEqual({ stop: true, improved: false });
  });

  it('counts a missing or diverged value as no improvement', () => {
    const es = createEarlyStopping({ patience: 2, minDelta: 0, monitor: 'val_loss' });
    expect(es.update({ val_loss: Number.NaN })).toEqual({ stop: false, improved: false });
    expect(es.update({ val_loss: 0.8 }).improved).toBe(true);
    expect(es.update({}).stop).toBe(false);
    expect(es.update({ val_loss: Number.POSITIVE_INFINITY }).stop).toBe(true);
    expect(es.bestEpoch).toBe(2);
  });

  it('rejects a negative or fractional patience and a negative minDelta', () => {
    for (const [patience, minDelta] of [
      [-1, 0],
      [1.5, 0],
      [1, -0.1],
    ]) {
      expect(() => createEarlyStopping({ patience, minDelta, monitor: 'val_loss' })).toThrow(
        expect.objectContaining({ code: 'early-stopping' }),
      );
    }
  });
});
