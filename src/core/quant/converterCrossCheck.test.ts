import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareInterpreter } from '../interp/interpreter';
import { elementCount, type Graph, type Tensor } from '../ir/graph';
import { readTflite } from '../tflite/reader';
import { quantizeGraph } from './quantizeGraph';
import type { ValueRange } from './ranges';

const TESTDATA = path.resolve(process.cwd(), '../shared/testdata/tflite');

function load(model: string): Graph {
  return readTflite(new Uint8Array(readFileSync(path.join(TESTDATA, `${model}.tflite`))), `${model}.tflite`);
}

/**
 * The float model behind a converter-made int8 model, as far as it can be recovered: constants dequantised,
 * activations float32, and each activation's range exactly the interval its int8 params cover.
 */
function dequantizeModel(graph: Graph): { float: Graph; ranges: Map<number, ValueRange> } {
  const ranges = new Map<number, ValueRange>();
  const tensors = graph.tensors.map((t, index): Tensor => {
    if (t.quant === undefined) return t;
    const { scale, zeroPoint, quantizedDimension } = t.quant;
    if (t.data === undefined) {
      ranges.set(index, { min: scale[0] * (-128 - zeroPoint[0]), max: scale[0] * (127 - zeroPoint[0]) });
      return { name: t.name, shape: t.shape, dtype: 'float32' };
    }
    const stride = elementCount(t.shape.slice(quantizedDimension + 1));
    const data = Float32Array.from(t.data, (q, i) => {
      const c = scale.length === 1 ? 0 : Math.floor(i / stride) % scale.length;
      return scale[c] * (q - zeroPoint[c]);
    });
    return { name: t.name, shape: t.shape, dtype: 'float32', data };
  });
  return { float: { ...graph, tensors }, ranges };
}

/**
 * Real TensorFlow Lite converter output (testdata/tflite): dequantising a model and quantising it again
 * from the ranges its params imply must give the converter's model back, bit for bit. This pins the weight,
 * bias and activation formulas, their float32 arithmetic, the per-channel axes and the params that RESHAPE,
 * AVERAGE_POOL_2D and SOFTMAX pass on to what TFLite really produces.
 */
describe('agreement with the TFLite converter', () => {
  for (const model of ['hello_world_int8', 'kws_ref_model']) {
    it(`${model}: re-quantising its dequantised float model gives the same int8 model`, () => {
      const original = load(model);
      const { float, ranges } = dequantizeModel(original);
      const ours = quantizeGraph(float, ranges, { inputType: 'int8', outputType: 'int8' });

      expect(ours.ops).toEqual(original.ops);
      expect(ours.tensors).toHaveLength(original.tensors.length);
      ours.tensors.forEach((t, i) => expect(t, `tensor ${i} "${t.name}"`).toEqual(original.tensors[i]));

      const { cases } = JSON.parse(readFileSync(path.join(TESTDATA, `${model}.cases.json`), 'utf8')) as {
        cases: { input: number[]; output: number[] }[];
      };
      const interpreter = prepareInterpreter(ours);
      for (const c of cases)
        expect(Array.from(interpreter.invoke([Int8Array.from(c.input)])[0])).toEqual(c.output);
    });
  }
});
