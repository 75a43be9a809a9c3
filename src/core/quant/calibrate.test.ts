import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { prepareInterpreter } from '../interp/interpreter';
import { calibrate } from './calibrate';
import type { ValueRange } from './ranges';
import { conv1dNet, denseClassifier, randomWindows } from './testModels';

function thrown(f: () => unknown): StudioError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(StudioError);
    return e as StudioError;
  }
  throw new Error('expected a StudioError');
}

/** Exact min/max of every float tensor over the windows, straight from the interpreter. */
function exactRanges(graph: ReturnType<typeof conv1dNet>, windows: Float32Array[]): Map<number, ValueRange> {
  const ranges = new Map<number, ValueRange>();
  const note = (index: number, data: ArrayLike<number>) => {
    const r = ranges.get(index) ?? { min: Infinity, max: -Infinity };
    for (let i = 0; i < data.length; i++) {
      r.min = Math.min(r.min, data[i]);
      r.max = Math.max(r.max, data[i]);
    }
    ranges.set(index, r);
  };
  const interpreter = prepareInterpreter(graph);
  for (const w of windows) {
    note(graph.inputs[0], w);
    interpreter.invoke([w], { observe: note });
  }
  return ranges;
}

describe('calibrate', () => {
  it('min/max covers every value of the input and of every op output', () => {
    const graph = conv1dNet(21);
    const windows = randomWindows(100, 96, 22);
    const ranges = calibrate(graph, windows, { method: 'minmax' });
    const exact = exactRanges(graph, windows);
    expect(ranges.size).toBe(graph.ops.length + 1);
    expect(new Map(ranges)).toEqual(exact);
  });

  it('percentile clipping narrows a range with outliers and stays inside min/max', () => {
    const graph = denseClassifier([33, 20, 10, 4], 23);
    const windows = randomWindows(400, 33, 24);
    windows[17][5] = 1000;
    windows[300][30] = -800;
    const minmax = calibrate(graph, windows, { method: 'minmax' });
    const clipped = calibrate(graph, windows, { method: 'percentile', percentile: 99.99 });
    expect(minmax.get(0)).toEqual({ min: -800, max: 1000 });
    const input = clipped.get(0)!;
    // 13,200 standard normal values: the 99.99th percentile is near 3.7.
    expect(input.max).toBeGreaterThan(2.5);
    expect(input.max).toBeLessThan(5);
    expect(input.min).toBeLessThan(-2.5);
    expect(input.min).toBeGreaterThan(-5);
    for (const [index, range] of clipped) {
      expect(range.min).toBeGreaterThanOrEqual(minmax.get(index)!.min);
      expect(range.max).toBeLessThanOrEqual(minmax.get(index)!.max);
    }
    expect(calibrate(graph, windows, { method: 'percentile', percentile: 100 })).toEqual(minmax);
  });

  it('rejects a percentile outside (50, 100]', () => {
    const graph = denseClassifier([4, 2], 1);
    for (const percentile of [50, 100.5, NaN]) {
      expect(thrown(() => calibrate(graph, [], { method: 'percentile', percentile })).code).toBe(
        'quant-bad-percentile',
      );
    }
  });

  it('reports progress, with the total when the windows are an array', () => {
    const graph = denseClassifier([4, 2], 1);
    const calls: [number, number | undefined][] = [];
    const windows = randomWindows(3, 4, 2);
    calibrate(graph, windows, { method: 'minmax', onProgress: (done, total) => calls.push([done, total]) });
    calibrate(graph, windows.values(), {
      method: 'minmax',
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
      [1, undefined],
      [2, undefined],
      [3, undefined],
    ]);
  });

  it('stops with a typed error once aborted, pulling no further windows', () => {
    const graph = denseClassifier([4, 2], 1);
    const controller = new AbortController();
    let pulled = 0;
    function* windows() {
      for (const w of randomWindows(10, 4, 3)) {
        pulled++;
        yield w;
      }
    }
    const error = thrown(() =>
      calibrate(graph, windows(), {
        method: 'minmax',
        signal: controller.signal,
        onProgress: (done) => {
          if (done === 3) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('aborted');
    expect(pulled).toBe(4);
    const already = thrown(() =>
      calibrate(graph, randomWindows(2, 4, 3), { method: 'minmax', signal: AbortSignal.abort() }),
    );
    expect(already.code).toBe('aborted');
  });

  it('rejects windows of the wrong length, no windows and non-float models', () => {
    const graph = denseClassifier([4, 2], 1);
    expect(thrown(() => calibrate(graph, [new Float32Array(5)], { method: 'minmax' })).code).toBe(
      'quant-bad-window',
    );
    expect(thrown(() => calibrate(graph, [], { method: 'minmax' })).code).toBe('quant-no-calibration-data');
    const int8Input = {
      ...graph,
      tensors: graph.tensors.map((t, i) => (i === 0 ? { ...t, dtype: 'int8' as const } : t)),
    };
    expect(thrown(() => calibrate(int8Input, [new Float32Array(4)], { method: 'minmax' })).code).toBe(
      'quant-not-float',
    );
  });
});
