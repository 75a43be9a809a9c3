import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareInterpreter } from '../interp/interpreter';
import { readTflite } from '../tflite';
import type { TensorData } from './graph';
import { opGraph } from './opGraph';

describe('opGraph', () => {
  it('cuts every op of the KWS model out so that, on the values it saw, it gives what it gave in the whole graph', () => {
    const bytes = readFileSync(resolve('../shared/testdata/tflite/kws_ref_model.tflite'));
    const graph = readTflite(new Uint8Array(bytes), 'kws_ref_model.tflite');
    const seen = new Map<number, TensorData>();
    const input = Int8Array.from({ length: 490 }, (_, i) => ((i * 37) % 256) - 128);
    seen.set(graph.inputs[0], input);
    prepareInterpreter(graph).invoke([input], { observe: (t, data) => seen.set(t, data.slice()) });
    expect(graph.ops.length).toBeGreaterThan(5);
    graph.ops.forEach((op, k) => {
      const single = opGraph(graph, k);
      expect(single.ops).toHaveLength(1);
      expect(single.tensors.length).toBeLessThanOrEqual(op.inputs.length + op.outputs.length);
      const activations = op.inputs.filter((i) => i >= 0 && graph.tensors[i].data === undefined);
      const out = prepareInterpreter(single).invoke(activations.map((i) => seen.get(i)!));
      expect(Array.from(out[0]), `op ${k} ${op.kind}`).toEqual(Array.from(seen.get(op.outputs[0])!));
    });
  });
});
