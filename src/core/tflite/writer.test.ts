import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import type { Graph, Op } from '../ir/graph';
import { readTflite } from './reader';
import { MODEL, OPCODE, OPERATOR_CODE, SUBGRAPH, TENSOR } from './schema';
import {
  buffers,
  fieldPosition,
  followField,
  int32At,
  operatorCodeTable,
  requiredField,
  rootTable,
  subgraph0,
  tensorTable,
  uint32At,
  vectorLength,
} from './testUtils/flatPatch';
import { sharedModelBytes } from './testUtils/sharedModels';
import { floatGraph, int8Graph } from './testUtils/testGraphs';
import { writeTflite } from './writer';

/** [builtin code, deprecated code, version] of each operator code. */
function operatorCodes(b: Uint8Array): number[][] {
  const count = vectorLength(b, rootTable(b), MODEL.operatorCodes);
  return Array.from({ length: count }, (_, i) => {
    const t = operatorCodeTable(b, i);
    const field = (slot: number, fallback: number, read: (p: number) => number) => {
      const p = fieldPosition(b, t, slot);
      return p === null ? fallback : read(p);
    };
    return [
      field(OPERATOR_CODE.builtinCode, 0, (p) => int32At(b, p)),
      field(OPERATOR_CODE.deprecatedBuiltinCode, 0, (p) => b[p]),
      field(OPERATOR_CODE.version, 1, (p) => int32At(b, p)),
    ];
  });
}

describe('writeTflite file layout', () => {
  const graph = int8Graph();
  const bytes = writeTflite(graph);

  it('starts with the root offset and the TFL3 identifier, and records schema version 3', () => {
    expect(uint32At(bytes, 0)).toBeGreaterThanOrEqual(8);
    expect(uint32At(bytes, 0)).toBeLessThan(bytes.length);
    expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe('TFL3');
    expect(uint32At(bytes, requiredField(bytes, rootTable(bytes), MODEL.version))).toBe(3);
  });

  it('keeps buffer 0 empty, points activations at empty buffers and gives each constant its own', () => {
    const list = buffers(bytes);
    expect(list[0]).toBeNull();
    const constants = graph.tensors.filter((t) => t.data !== undefined);
    expect(list).toHaveLength(constants.length + 1);
    graph.tensors.forEach((t, i) => {
      const at = fieldPosition(bytes, tensorTable(bytes, i), TENSOR.buffer);
      const buffer = list[at === null ? 0 : uint32At(bytes, at)];
      expect(buffer?.length).toBe(t.data?.byteLength);
    });
  });

  it('aligns every constant buffer to 16 bytes from the start of the file', () => {
    const starts = buffers(bytes).flatMap((b) => (b === null ? [] : [b.start]));
    expect(starts.length).toBeGreaterThan(5);
    expect(starts.filter((s) => s % 16 !== 0)).toEqual([]);
    const kws = buffers(writeTflite(readTflite(sharedModelBytes('kws_ref_model'))));
    expect(kws.filter((b) => b !== null && b.start % 16 !== 0)).toEqual([]);
  });

  it('sets both builtin code fields, one operator code per op kind in order of first use', () => {
    const kinds = [...new Set(graph.ops.map((op) => op.kind))];
    expect(operatorCodes(bytes).map(([code, deprecated]) => [code, deprecated])).toEqual(
      kinds.map((kind) => [OPCODE[kind], OPCODE[kind]]),
    );
  });

  it("records the operator versions TFLite's converter gives the shared models", () => {
    for (const name of ['kws_ref_model', 'hello_world_int8'] as const) {
      const original = sharedModelBytes(name);
      const written = writeTflite(readTflite(original));
      const withBuiltin = operatorCodes(original).map(([code, deprecated, version]) => [
        Math.max(code, deprecated),
        version,
      ]);
      expect(operatorCodes(written).map(([code, , version]) => [code, version])).toEqual(withBuiltin);
    }
  });

  it('stores the description and names the subgraph', () => {
    const written = writeTflite(floatGraph());
    const text = (table: number, slot: number) => {
      const s = followField(written, table, slot);
      return new TextDecoder().decode(written.subarray(s + 4, s + 4 + uint32At(written, s)));
    };
    expect(text(rootTable(written), MODEL.description)).toBe('float32 test graph');
    expect(text(subgraph0(written), SUBGRAPH.name)).toBe('main');
  });
});

describe('writeTflite refuses graphs it cannot represent', () => {
  const withOp = (change: (op: Op) => Op): Graph => {
    const graph = floatGraph();
    return { ...graph, ops: [change(graph.ops[0]), ...graph.ops.slice(1)] };
  };
  const cases: [string, () => Graph, string][] = [
    [
      'an unknown activation',
      () => withOp((op) => ({ ...op, activation: 'TANH' }) as unknown as Op),
      'unknown activation "TANH"',
    ],
    [
      'an unknown op kind',
      () => withOp((op) => ({ ...op, kind: 'LSTM' }) as unknown as Op),
      'unknown kind "LSTM"',
    ],
    ['a zero stride', () => withOp((op) => ({ ...op, strideH: 0 }) as Op), 'strideH 0'],
    ['a missing tensor', () => withOp((op) => ({ ...op, inputs: [0, 99] })), 'missing tensor 99'],
    [
      'data of the wrong type',
      () => {
        const graph = int8Graph();
        graph.tensors[2] = { ...graph.tensors[2], data: new Float32Array(24) };
        return graph;
      },
      'holds Float32Array data but has type int8',
    ],
    [
      'data that does not fill the shape',
      () => {
        const graph = floatGraph();
        graph.tensors[1] = { ...graph.tensors[1], data: new Float32Array(5) };
        return graph;
      },
      'holds 5 values for shape [4, 1, 3, 2]',
    ],
    [
      'per-channel scales that do not match the channels',
      () => {
        const graph = int8Graph();
        graph.tensors[2] = {
          ...graph.tensors[2],
          quant: { scale: [1, 1], zeroPoint: [0, 0], quantizedDimension: 0 },
        };
        return graph;
      },
      '2 per-channel scales for 4 channels',
    ],
  ];

  it.each(cases)('%s', (_, build, message) => {
    let error: unknown;
    try {
      writeTflite(build());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).code).toBe('tflite-cannot-write');
    expect((error as StudioError).message).toContain(message);
  });
});
