import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../ir/graph';
import { readTflite } from '../tflite/reader';
import { planArena, type TfliteMicroKernels } from './arena';
import { mixedInt8Graph, TFLITE_MICRO_MEASURED } from './arenaTestModels';
import { BEFORE_FIRST_OP } from './tensorLifetimes';

const TESTDATA = path.resolve(process.cwd(), '../shared/testdata/tflite');

interface TflmArenaFile {
  models: Record<
    string,
    {
      arena_used_bytes: number;
      head_nonpersistent_bytes: number;
      tail_persistent_bytes: number;
      tail_breakdown: Record<string, number>;
    }
  >;
}

const tflmArena = JSON.parse(readFileSync(path.join(TESTDATA, 'tflm_arena.json'), 'utf8')) as TflmArenaFile;

function sharedModel(file: string): Graph {
  return readTflite(new Uint8Array(readFileSync(path.join(TESTDATA, file))), file);
}

describe('planArena on the shared models against TFLite Micro (tflm_arena.json, 64-bit host)', () => {
  for (const file of ['hello_world_int8.tflite', 'kws_ref_model.tflite']) {
    const expected = tflmArena.models[file];
    const { host64 } = planArena(sharedModel(file)).tfliteMicro;

    it(`${file}: the head is head_nonpersistent_bytes exactly`, () => {
      expect(host64.head.bytes).toBe(expected.head_nonpersistent_bytes);
    });

    it(`${file}: the tail is within 5 % of tail_persistent_bytes (in fact exact: the allocations are replayed)`, () => {
      const error =
        Math.abs(host64.tail.bytes - expected.tail_persistent_bytes) / expected.tail_persistent_bytes;
      expect(error).toBeLessThanOrEqual(0.05);
      expect(host64.tail.bytes).toBe(expected.tail_persistent_bytes);
      expect(host64.total.bytes).toBe(expected.arena_used_bytes);
    });

    it(`${file}: every part of the tail equals its RecordingMicroAllocator category (tolerance 0 bytes)`, () => {
      const parts = host64.tailParts;
      const breakdown = expected.tail_breakdown;
      expect({
        eval_tensor_data: parts.evalTensors,
        persistent_tflite_tensor_data: parts.ioTensors,
        persistent_tflite_tensor_quant_data: parts.ioQuantization,
        persistent_buffer_data: parts.persistentBuffers,
        variable_tensor_buffer_data: 0,
        node_and_registration_array: parts.nodesAndRegistrations,
        op_data: 0,
        fixed_default_tail_usage: parts.allocatorObjects,
        // What the recording allocator does not attribute: the parsed options and the scratch handles.
        unattributed: parts.builtinOptions + parts.scratchHandles,
      }).toEqual(breakdown);
    });
  }
});

const BUILDS: [TfliteMicroKernels, 'reference' | 'cmsisNn' | 'cmsisNnNoDsp'][] = [
  ['reference', 'reference'],
  ['cmsis-nn', 'cmsisNn'],
  ['cmsis-nn-no-dsp', 'cmsisNnNoDsp'],
];

describe('planArena against TFLite Micro run on an emulated Cortex-M (arenaTestModels.ts)', () => {
  for (const [name, measured] of Object.entries(TFLITE_MICRO_MEASURED)) {
    const graph = measured.graph?.() ?? sharedModel(name);
    for (const [kernels, key] of BUILDS) {
      it(`${name}, ${kernels}: head and arena_used_bytes as measured`, () => {
        const { mcu32 } = planArena(graph, { mcuKernels: kernels }).tfliteMicro;
        expect({ head: mcu32.head.bytes, total: mcu32.total.bytes }).toEqual(measured[key]);
        expect(mcu32.total.bytes).toBe(mcu32.head.bytes + mcu32.tail.bytes);
      });
    }
    it(`${name}: the 64-bit host build as measured`, () => {
      expect(planArena(graph).tfliteMicro.host64.total.bytes).toBe(measured.host64);
    });
  }
});

describe('the plan of each tensor', () => {
  it('ping-pongs the KWS activations between offsets 0 and 8000, the input above the first output', () => {
    const { buffers } = planArena(sharedModel('kws_ref_model.tflite')).tfliteMicro.host64;
    const byTensor = new Map(buffers.map((b) => [b.tensor, b]));
    expect(byTensor.get(0)).toMatchObject({
      bytes: 490,
      size: 496,
      offset: 8000,
      firstOp: BEFORE_FIRST_OP,
      lastOp: 0,
    });
    // Tensors 22..30 are the nine 25×5×64 activations, made by ops 0..8 and read by the next op.
    for (let k = 0; k < 9; k++) {
      expect(byTensor.get(22 + k)).toMatchObject({
        size: 8000,
        offset: k % 2 === 0 ? 0 : 8000,
        firstOp: k,
        lastOp: k + 1,
      });
    }
    // The output lives from SOFTMAX, the last op, to the end; no constant is in the plan.
    expect(byTensor.get(34)).toMatchObject({ bytes: 12, size: 16, firstOp: 12, lastOp: 12 });
    expect(buffers.every((b) => b.kind === 'tensor')).toBe(true);
    expect(buffers).toHaveLength(14);
  });

  it('plans MEAN’s scratch buffers for its op alone, after the tensors', () => {
    const { buffers } = planArena(mixedInt8Graph()).tfliteMicro.mcu32;
    const scratch = buffers.filter((b) => b.kind === 'scratch');
    // int8 MEAN of [1,4,4,8] over two axes: 8 int32 sums, 4 iteration ints, 2 axis ints (reduce_common.cc).
    expect(scratch.map((b) => [b.bytes, b.size, b.firstOp, b.lastOp])).toEqual([
      [32, 32, 5, 5],
      [16, 16, 5, 5],
      [8, 16, 5, 5],
    ]);
    expect(buffers.slice(-3)).toEqual(scratch);
  });

  it('marks every TFLM figure exact and says which build it describes', () => {
    const { mcu32 } = planArena(mixedInt8Graph(), { mcuKernels: 'cmsis-nn' }).tfliteMicro;
    for (const figure of [mcu32.head, mcu32.tail, mcu32.total]) {
      expect(figure.accuracy).toBe('exact');
      expect(figure.from).toContain('CMSIS-NN kernels with the DSP extension');
    }
  });
});

describe('the generated build’s arena', () => {
  it('holds only the intermediate tensors: KWS needs the same 16000 bytes as TFLM’s head, hello_world 32', () => {
    const kws = planArena(sharedModel('kws_ref_model.tflite')).generated;
    expect(kws.arena.bytes).toBe(16000);
    // Input (0) and output (34) stay in the caller's buffers; RESHAPE's output (32) shares its input's bytes.
    expect(kws.buffers.map((b) => b.tensor)).not.toContain(0);
    expect(kws.buffers.map((b) => b.tensor)).not.toContain(34);
    expect(kws.buffers.map((b) => b.tensor)).not.toContain(32);
    expect(planArena(sharedModel('hello_world_int8.tflite')).generated.arena.bytes).toBe(32);
  });

  it('has no tail and no scratch, and is exact: it is the plan the code generator uses', () => {
    const generated = planArena(mixedInt8Graph()).generated;
    expect(generated.buffers.every((b) => b.kind === 'tensor')).toBe(true);
    const end = Math.max(...generated.buffers.map((b) => b.offset + b.size));
    expect(generated.arena.bytes).toBe(end);
    expect(generated.arena.accuracy).toBe('exact');
  });
});

describe('bad graphs', () => {
  it('names a tensor index that does not exist', () => {
    const graph = mixedInt8Graph();
    graph.ops[3].inputs = [6, 99];
    expect(() => planArena(graph)).toThrow(
      expect.objectContaining({ code: 'arena-invalid-graph', message: expect.stringContaining('tensor 99') }),
    );
  });

  it('names an op kind it does not know', () => {
    const graph = mixedInt8Graph();
    (graph.ops[8] as { kind: string }).kind = 'LSTM';
    expect(() => planArena(graph)).toThrow(
      expect.objectContaining({ code: 'arena-unsupported-op', message: expect.stringContaining('LSTM') }),
    );
  });

  it('names an op without the input its kernel needs', () => {
    const graph = mixedInt8Graph();
    graph.ops[1].inputs = [1, -1, -1];
    expect(() => planArena(graph)).toThrow(expect.objectContaining({ code: 'arena-invalid-graph' }));
  });
});
