import { describe, expect, it } from 'vitest';
import { prepareInterpreter } from '../interp/interpreter';
import { graphRunner } from '../learn/modelRunner';
import { deployableBoards, getBoard } from './boards';
import { denseChain } from './calibrationModels';
import { RUNTIMES } from './cost';
import { kwsGraph } from './costTestModels';
import { profileRun, runOnFeatures, runSeeded, seededInput, type RunProgress } from './profileRun';

const kws = kwsGraph();

describe('profile run', () => {
  it('proves a bare model runs on a seeded input, the same one every time', () => {
    const input = kws.tensors[kws.inputs[0]];
    const a = seededInput(input, 1);
    expect(a).toEqual(seededInput(input, 1));
    expect(a).not.toEqual(seededInput(input, 2));
    expect(Math.min(...a)).toBeGreaterThanOrEqual(-128);
    expect(Math.max(...a)).toBeLessThanOrEqual(127);
    const proof = runSeeded(kws, 1);
    expect(proof.outputs).toEqual(Array.from(prepareInterpreter(kws).invoke([a])[0]));
    expect(proof.input).toBe('a synthetic int8 input, seed 1 (uniform over −128…127)');
  });

  it('runs an impulse’s model on the features of a real window', () => {
    const graph = denseChain(33, [{ units: 4, activation: 'NONE' }], true, 'float32');
    const features = Float32Array.from({ length: 33 }, (_, i) => i / 10);
    const proof = runOnFeatures(graph, features, 'window 1 of “wave.1”');
    expect(proof).toEqual({
      input: 'window 1 of “wave.1”',
      outputs: Array.from(graphRunner(graph)(features)),
    });
  });

  it('profiles each model on every board under every runtime, with progress', () => {
    const steps: RunProgress[] = [];
    const executed: string[] = [];
    const boards = deployableBoards();
    const reports = profileRun(
      {
        models: [{ precision: 'int8', graph: kws, tfliteBytes: 53_936 }],
        execute: (m) => {
          executed.push(m!.precision);
          return runSeeded(kws, 1);
        },
      },
      boards,
      (p) => steps.push(p),
    );
    expect(executed).toEqual(['int8']);
    expect(reports).toHaveLength(1);
    for (const r of RUNTIMES) {
      expect(reports[0].profiles[r.id].map((p) => p.board)).toEqual(boards.map((b) => b.id));
      expect(reports[0].profiles[r.id].every((p) => p.runtime === r.id)).toBe(true);
    }
    expect(steps[0]).toEqual({
      done: 0,
      total: 1 + boards.length,
      step: "Running the int8 model in the studio's interpreter",
    });
    expect(steps.at(-1)).toEqual({ done: 1 + boards.length, total: 1 + boards.length, step: 'Done' });
    expect(steps.map((s) => s.done)).toEqual([...steps.map((s) => s.done)].sort((a, b) => a - b));
  });

  it('a k-means impulse is profiled once, without a network', () => {
    const anomaly = {
      featureIndices: [0],
      mean: [0],
      std: [1],
      clusters: [{ center: [0], radius: 1, count: 2 }],
    };
    const impulse = {
      input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 50, zeroPad: true, axes: ['x'] },
      dsp: { block: 'flatten' as const, params: {} },
      learn: { kind: 'anomaly' as const, clusters: 1, featureIndices: [0], seed: 1 },
    };
    const [report] = profileRun(
      { models: [], impulse, anomaly, execute: () => runOnFeatures(anomaly, Float32Array.of(2), 'a window') },
      [getBoard('pico')],
    );
    expect(report.precision).toBe('none');
    expect(report.execution.outputs).toHaveLength(1);
    expect(report.profiles['tflm-cmsis-nn'][0].anomalyMs!.ms).toBeGreaterThan(0);
  });
});
