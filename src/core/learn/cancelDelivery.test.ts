import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { gestureBenchSet } from './gestureBenchSet';
import { defaultLearnBlock, type NeuralBlock } from './learnBlock';
import { DEFAULT_QUANTIZE } from './quantizeSettings';
import { comparePrecisions, quantizeTrained } from './quantizeTrained';
import { graphRunner } from './modelRunner';
import { testModelCooperatively } from './testModelCooperatively';
import type { TestSampleInput } from './modelTesting';
import type { TrainedModel } from './trainedModel';
import { trainImpulse } from './trainImpulse';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * A cancel as a worker receives it: a message from the page, i.e. a task. `send` plays the page's click; the
 * job sees the cancel only once its loop lets the event loop run.
 */
function cancelChannel() {
  const controller = new AbortController();
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => controller.abort();
  const channel = { signal: controller.signal, send: () => port2.postMessage('cancel') };
  open.push(port1);
  return channel;
}
const open: MessagePort[] = [];
afterEach(() => open.splice(0).forEach((p) => p.close()));

const options = { impulseId: 'i', projectId: 'p', backend: 'cpu', description: 'test' };

describe('a cancel message reaches a running job', () => {
  const { set } = gestureBenchSet(120);

  it('training stops within an epoch of the cancel, although every epoch is a settled promise', async () => {
    const learn = defaultLearnBlock('classifier', set.featureShape) as NeuralBlock;
    learn.training = { ...learn.training, epochs: 60, earlyStoppingPatience: 0 };
    const cancel = cancelChannel();
    const epochs: number[] = [];
    const run = trainImpulse(set, {
      ...options,
      learn,
      signal: cancel.signal,
      onEpoch: (log) => {
        epochs.push(log.epoch);
        if (log.epoch === 3) cancel.send();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    // Before the fix the message waited for the whole run: all 60 epochs, then "finished".
    expect(epochs.length).toBeLessThanOrEqual(4);
  });

  it('a long epoch stops at a batch soon after the cancel, without finishing the epoch', async () => {
    const learn = defaultLearnBlock('classifier', set.featureShape) as NeuralBlock;
    learn.training = { ...learn.training, epochs: 1, batchSize: 1, earlyStoppingPatience: 0 };
    // An uncancelled epoch of batch size 1 first, to know how long one takes on this machine.
    let epochMs = 0;
    await trainImpulse(set, { ...options, learn, onEpoch: (log) => (epochMs = log.elapsedMs) });
    const cancel = cancelChannel();
    const epochs: number[] = [];
    const run = trainImpulse(set, {
      ...options,
      learn,
      signal: cancel.signal,
      onEpoch: (log) => epochs.push(log.epoch),
    });
    let sentAt = 0;
    setTimeout(() => {
      sentAt = performance.now();
      cancel.send();
    }, epochMs / 4);
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(epochs).toEqual([]);
    // Less than one epoch from the cancel to the rejection (a loaded machine stretches every figure alike).
    expect(performance.now() - sentAt).toBeLessThan(epochMs);
  });

  describe('jobs on a trained model, over many windows', () => {
    let model: TrainedModel;
    // 400 copies of the set: ≈ 50,000 windows, many time slices long even on a quiet machine (one 16 ms slice
    // calibrates up to ≈ 4,000 of them there).
    const windows = Array.from({ length: 400 }, () => set.rows.map((r) => Float32Array.from(r))).flat();
    beforeAll(async () => {
      const learn = defaultLearnBlock('classifier', set.featureShape) as NeuralBlock;
      learn.training = { ...learn.training, epochs: 2 };
      model = await trainImpulse(set, { ...options, learn });
    });

    it('testing stops within a few windows of the cancel', async () => {
      const samples: TestSampleInput[] = Array.from({ length: 40 }, (_, i) => ({
        sampleId: `s${i}`,
        name: `wave.${i}`,
        label: 'wave',
        rows: windows.slice(i * set.rows.length, (i + 1) * set.rows.length),
        startMs: new Float32Array(set.rows.length),
      }));
      const float = graphRunner(model.float!);
      let runs = 0;
      const cancel = cancelChannel();
      cancel.send();
      const run = testModelCooperatively(model, (row) => (runs++, float(row)), samples, {
        threshold: 0.6,
        precision: 'float32',
        signal: cancel.signal,
      });
      await expect(run).rejects.toMatchObject({ code: 'cancelled' });
      expect(runs).toBeLessThan(windows.length / 4);
    });

    it('quantisation stops calibrating within a few windows of the cancel, and so does the comparison', async () => {
      let calibrated = 0;
      const cancel = cancelChannel();
      cancel.send();
      const run = quantizeTrained(model, windows, DEFAULT_QUANTIZE, {
        signal: cancel.signal,
        onProgress: (done) => (calibrated = done),
      });
      await expect(run).rejects.toMatchObject({ code: 'cancelled' });
      expect(calibrated).toBeLessThan(windows.length / 4);

      const int8 = await quantizeTrained(model, set.rows, DEFAULT_QUANTIZE);
      const again = cancelChannel();
      again.send();
      const labels = windows.map(() => 'wave');
      await expect(
        comparePrecisions(model, int8, windows, labels, { signal: again.signal }),
      ).rejects.toMatchObject({
        code: 'cancelled',
      });
    });
  });
});
