import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelHarness } from '../codegen/model/testUtils/modelHarness';
import { prepareInterpreter } from '../interp/interpreter';
import { planArchitecture } from '../learn/architecture';
import { exportGraph } from '../learn/exportGraph';
import { defaultTrainingSettings } from '../learn/learnBlock';
import { graphRunner } from '../learn/modelRunner';
import { trainNetwork } from '../learn/train';
import { estimateModel } from '../mcu/cost';
import { getBoard } from '../mcu/boards';
import { calibrate, quantizeGraph } from '../quant';
import { readTflite, writeTflite } from '../tflite';
import { architectureCost } from './layerCost';
import { syntheticClasses } from './syntheticData';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const argmax = (v: ArrayLike<number>) => {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
};

describe('a trained network with a depthwise-separable block', () => {
  it('trains, exports, quantises, writes, generates C and runs int8 in agreement with float', async () => {
    const featureShape = [8, 6];
    const rows = 120;
    const { x, labels } = syntheticClasses(rows, 48, 3, 9);
    const arch = planArchitecture(
      featureShape,
      [
        { type: 'conv2d', filters: 4, kernelSize: 3 },
        { type: 'separableConv', filters: 8, kernelSize: 3 },
        { type: 'maxPool', size: 2 },
      ],
      { kind: 'classifier', classes: 3 },
    );
    const trained = await trainNetwork(
      { x, rows, featureCount: 48, y: labels },
      { arch, settings: { ...defaultTrainingSettings(false), epochs: 15, validationSplit: 0 } },
    );
    const float = exportGraph(arch, trained.weights, 'separable');
    expect(float.ops.map((o) => o.kind)).toEqual([
      'RESHAPE',
      'CONV_2D',
      'DEPTHWISE_CONV_2D',
      'CONV_2D',
      'MAX_POOL_2D',
      'RESHAPE',
      'FULLY_CONNECTED',
      'SOFTMAX',
    ]);
    const windows = Array.from({ length: rows }, (_, r) => x.subarray(r * 48, (r + 1) * 48));
    // The float IR computes what the trained tfjs model did.
    const runFloat = graphRunner(float);
    windows.forEach((w, r) =>
      runFloat(w).forEach((v, j) => expect(Math.abs(v - trained.outputs[r * 3 + j])).toBeLessThan(1e-5)),
    );
    const floatCorrect = windows.filter((w, r) => argmax(runFloat(w)) === labels[r]).length;
    expect(floatCorrect / rows).toBeGreaterThanOrEqual(0.9);

    const int8 = quantizeGraph(float, calibrate(float, windows, { method: 'minmax' }), {
      inputType: 'int8',
      outputType: 'int8',
    });
    const readBack = readTflite(writeTflite(int8));
    const simd = prepareInterpreter(readBack);
    const reference = prepareInterpreter(int8, { int8Kernels: 'reference' });
    const inputQuant = int8.tensors[int8.inputs[0]].quant!;
    let agree = 0;
    const quantized = windows.map((w) =>
      Int8Array.from(w, (v) =>
        Math.max(-128, Math.min(127, Math.round(v / inputQuant.scale[0]) + inputQuant.zeroPoint[0])),
      ),
    );
    quantized.forEach((q, r) => {
      const a = simd.invoke([q])[0];
      // Bit-exact: the written-and-read model on the SIMD kernels and the in-memory one on the reference kernels.
      expect(Array.from(a)).toEqual(Array.from(reference.invoke([q])[0]));
      if (argmax(a) === argmax(runFloat(windows[r]))) agree++;
    });
    expect(agree / rows).toBeGreaterThanOrEqual(0.95);

    // The generated C (built with g++) gives the interpreter's int8 outputs bit for bit.
    const dir = mkdtempSync(join(tmpdir(), 'separable-'));
    try {
      const harness = await ModelHarness.create(dir);
      for (const q of quantized.slice(0, 3)) {
        const [c] = await harness.run('separable', int8, [q]);
        expect(Array.from(c)).toEqual(Array.from(reference.invoke([q])[0]));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // The MCU cost model counts the same MACs as the layer table, and estimates the block on a board.
    const estimate = estimateModel(getBoard('nano33ble'), int8, 'tflm-cmsis-nn');
    expect(estimate.macs).toBe(architectureCost(arch).totalMacs);
    expect(estimate.ms).toBeGreaterThan(0);
  }, 180_000);
});
