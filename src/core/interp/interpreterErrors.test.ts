import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import type { Graph } from '../ir/graph';
import { prepareInterpreter } from './interpreter';
import { activation, constant, quant, singleOpGraph } from './testGraphs';

function fcGraph(): Graph {
  return singleOpGraph(
    activation('x', [1, 3], 'int8', quant(0.5, 0)),
    [constant('w', [2, 3], new Int8Array(6), quant(0.25)), constant('b', [2], new Int32Array(2))],
    activation('y', [1, 2], 'int8', quant(0.125, 0)),
    { kind: 'FULLY_CONNECTED', activation: 'NONE' },
  );
}

function expectStudioError(action: () => unknown, code: string, messagePart?: string): void {
  try {
    action();
  } catch (e) {
    expect(e).toBeInstanceOf(StudioError);
    expect((e as StudioError).code).toBe(code);
    if (messagePart !== undefined) expect((e as StudioError).message).toContain(messagePart);
    return;
  }
  expect.fail(`expected a StudioError ${code}`);
}

describe('prepareInterpreter rejects invalid graphs', () => {
  it('names the op index and kind when a dtype combination is unsupported', () => {
    const graph = fcGraph();
    graph.tensors[1] = constant('w', [2, 3], new Float32Array(6));
    expectStudioError(() => prepareInterpreter(graph), 'interp-unsupported-type', 'Op 0 (FULLY_CONNECTED)');
  });

  it('requires quantisation parameters on int8 tensors', () => {
    const graph = fcGraph();
    delete graph.tensors[0].quant;
    expectStudioError(
      () => prepareInterpreter(graph),
      'interp-bad-quantization',
      'no quantisation parameters',
    );
  });

  it('rejects non-positive scales and asymmetric weights', () => {
    const zeroScale = fcGraph();
    zeroScale.tensors[3].quant = quant(0, 0);
    expectStudioError(() => prepareInterpreter(zeroScale), 'interp-bad-quantization', 'not positive');
    const asymmetric = fcGraph();
    asymmetric.tensors[1].quant = quant(0.25, 3);
    expectStudioError(() => prepareInterpreter(asymmetric), 'interp-bad-quantization', 'zero point 0');
  });

  it('rejects a bias whose scale is not input × weights scale', () => {
    const graph = fcGraph();
    graph.tensors[2].quant = quant(1);
    expectStudioError(() => prepareInterpreter(graph), 'interp-bad-quantization', 'bias');
  });

  it('rejects inconsistent shapes', () => {
    const fc = fcGraph();
    fc.tensors[3].shape = [1, 3];
    expectStudioError(() => prepareInterpreter(fc), 'interp-shape-mismatch', 'Op 0 (FULLY_CONNECTED)');

    const conv = singleOpGraph(
      activation('x', [1, 5, 5, 1], 'float32'),
      [constant('w', [2, 3, 3, 1], new Float32Array(18))],
      activation('y', [1, 5, 5, 2], 'float32'),
      {
        kind: 'CONV_2D',
        padding: 'VALID',
        strideH: 1,
        strideW: 1,
        dilationH: 1,
        dilationW: 1,
        activation: 'NONE',
      },
    );
    expectStudioError(
      () => prepareInterpreter(conv),
      'interp-shape-mismatch',
      'VALID padding gives [1, 3, 3',
    );

    const add = singleOpGraph(
      activation('a', [2, 3], 'float32'),
      [constant('b', [4], new Float32Array(4))],
      activation('y', [2, 3], 'float32'),
      { kind: 'ADD', activation: 'NONE' },
    );
    expectStudioError(() => prepareInterpreter(add), 'interp-shape-mismatch', 'do not broadcast');
  });

  it('rejects an int8 softmax whose output is not scale 1/256, zero point −128', () => {
    const graph = singleOpGraph(
      activation('x', [1, 4], 'int8', quant(0.1, 0)),
      [],
      activation('y', [1, 4], 'int8', quant(1 / 255, -128)),
      { kind: 'SOFTMAX', beta: 1 },
    );
    expectStudioError(() => prepareInterpreter(graph), 'interp-bad-quantization', '1/256');
  });

  it('rejects ops that read a tensor before it is computed, or write a constant', () => {
    const graph = fcGraph();
    graph.inputs = [];
    expectStudioError(
      () => prepareInterpreter(graph),
      'interp-invalid-graph',
      'not computed by an earlier op',
    );
    const writesConstant = fcGraph();
    writesConstant.ops[0].outputs = [1];
    expectStudioError(() => prepareInterpreter(writesConstant), 'interp-invalid-graph', 'constant');
  });

  it('rejects dangling tensor indices and constant data of the wrong size or type', () => {
    const dangling = fcGraph();
    dangling.outputs = [9];
    expectStudioError(() => prepareInterpreter(dangling), 'interp-invalid-graph', 'tensor 9');
    const wrongSize = fcGraph();
    wrongSize.tensors[1].data = new Int8Array(5);
    expectStudioError(() => prepareInterpreter(wrongSize), 'interp-invalid-graph', '5 values');
    const wrongType = fcGraph();
    wrongType.tensors[2].data = new Float32Array(2);
    expectStudioError(() => prepareInterpreter(wrongType), 'interp-invalid-graph', 'int32 but holds float32');
  });

  it('rejects an op kind it does not know', () => {
    const graph = fcGraph();
    (graph.ops[0] as { kind: string }).kind = 'LSTM';
    expectStudioError(() => prepareInterpreter(graph), 'interp-unsupported-op', 'LSTM');
  });
});

describe('invoke checks its inputs', () => {
  const interpreter = prepareInterpreter(fcGraph());

  it('exposes the input and output tensors', () => {
    expect(interpreter.inputTensors.map((t) => t.name)).toEqual(['x']);
    expect(interpreter.outputTensors.map((t) => t.name)).toEqual(['y']);
  });

  it('rejects the wrong number of inputs', () => {
    expectStudioError(() => interpreter.invoke([]), 'interp-bad-input', 'takes 1 input');
  });

  it('rejects the wrong length', () => {
    expectStudioError(() => interpreter.invoke([new Int8Array(4)]), 'interp-bad-input', 'must have 3 values');
  });

  it('rejects the wrong dtype', () => {
    expectStudioError(
      () => interpreter.invoke([new Float32Array(3)]),
      'interp-bad-input',
      'must be int8; got float32',
    );
  });
});
