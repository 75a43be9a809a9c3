import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { Impulse } from '../impulse/impulse';
import { GESTURE_IMPULSE, gestureBenchSamples } from '../learn/gestureBenchSet';
import { trainingSetFromSamples } from '../learn/trainingSet';
import { planArchitecture } from '../learn/architecture';
import { BOARDS } from '../mcu/boards';
import { budgetProblem, costOf, planCandidate, plannedInt8Graph, profileCandidate } from './plannedCost';
import { sampleCandidates } from './sampleCandidates';
import { scoreCandidate } from './scoreCandidate';
import { candidateImpulse, layersOf, searchSpaceFor } from './searchSpace';
import { boardBudget } from './tuneSettings';
import type { CandidateSpec } from './tuneTypes';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const nano = BOARDS.nano33ble;
const base: Impulse = {
  id: 'base',
  projectId: 'p',
  name: 'Gestures',
  ...GESTURE_IMPULSE,
  createdAt: 0,
  updatedAt: 0,
};
const spec: CandidateSpec = {
  windowSizeMs: 1500,
  windowStrideMs: 375,
  dspParams: { ...GESTURE_IMPULSE.dsp.params, 'fft-length': 64 },
  network: { family: 'dense', widths: [16, 8], kernel: 0 },
};
const context = {
  base,
  classes: 4,
  board: nano,
  runtime: 'studio-generated' as const,
  budget: boardBudget(nano, base),
  seed: 1,
};

describe('planned cost', () => {
  it('costs before training what the trained, quantised model costs after', async () => {
    const verdict = planCandidate(spec, context);
    expect(verdict.rejected).toBeUndefined();
    const impulse = candidateImpulse(base, spec, 2, { id: 'c1', name: 'c1' });
    const { set } = trainingSetFromSamples(impulse, gestureBenchSamples(8));
    const test = trainingSetFromSamples(impulse, gestureBenchSamples(4, 99)).set;
    const scored = await scoreCandidate({
      impulse,
      train: set,
      test: { rows: test.rows, labels: test.rowLabels },
      board: nano,
      runtime: 'studio-generated',
      budget: context.budget,
      backend: 'cpu',
    });
    const after = scored.evaluation.cost!;
    const before = verdict.planned!;
    expect(before.latencyMs).toBeCloseTo(after.latencyMs, 6);
    expect(before.ramBytes).toBe(after.ramBytes);
    expect(before.flashBytes).toBe(after.flashBytes);
    // Under TFLite Micro the flash holds the .tflite file itself: the same size too.
    const int8 = scored.model.int8!;
    const tflm = costOf(profileCandidate(impulse, int8.graph, int8.int8Bytes, nano, 'tflm-cmsis-nn'));
    expect(planCandidate(spec, { ...context, runtime: 'tflm-cmsis-nn' }).planned).toEqual(tflm);
    expect(scored.evaluation.overBudget).toBeNull();
    expect(scored.evaluation.test.windows).toBe(test.rows.length);
    expect(scored.model.int8?.graph.ops.length).toBeGreaterThan(0);
  });

  it('rejects a candidate over the budget before training, saying which figure and by how much', () => {
    const tight = { ...context, budget: { latencyMs: 0.01, ramKb: 1, flashKb: 877 } };
    const verdict = planCandidate(spec, tight);
    expect(verdict.rejected).toMatch(/^over budget: latency [\d.]+ ms > 0.01 ms; RAM [\d.]+ KB > 1.0 KB$/);
    expect(verdict.planned?.ramBytes).toBeGreaterThan(1024);
  });

  it('refuses settings the block cannot run, as not valid', () => {
    const verdict = planCandidate({ ...spec, windowStrideMs: 5 }, context);
    expect(verdict.rejected).toMatch(/^not valid: The window stride 5 ms is shorter than one sample/);
    expect(verdict.planned).toBeNull();
  });

  it('plans int8 graphs of conv networks on time × frequency features', () => {
    const arch = planArchitecture([49, 13], layersOf({ family: 'conv1d', widths: [8, 16], kernel: 3 }), {
      kind: 'classifier',
      classes: 3,
    });
    const { graph, tfliteBytes } = plannedInt8Graph(arch, 1, 'keywords');
    expect(graph.ops.map((o) => o.kind)).toContain('CONV_2D');
    expect(tfliteBytes).toBeGreaterThan(arch.totalParams);
    const keyword = {
      input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 16000, zeroPad: true, axes: ['audio'] },
      dsp: { block: 'mfcc' as const, params: {} },
    };
    const profile = profileCandidate(keyword, graph, tfliteBytes, nano, 'tflm-cmsis-nn');
    expect(budgetProblem(profile, boardBudget(nano, keyword))).toBeNull();
  });
});

describe('sampleCandidates', () => {
  const space = searchSpaceFor(base);
  const judge = (s: CandidateSpec) => planCandidate(s, context);

  it('reproduces a seed, draws distinct points and keeps drawing until enough fit', () => {
    const a = sampleCandidates({ space, base, count: 6, seed: 3, judge });
    const b = sampleCandidates({ space, base, count: 6, seed: 3, judge });
    expect(b).toEqual(a);
    expect(a.filter((c) => !c.rejected)).toHaveLength(6);
    expect(new Set(a.map((c) => JSON.stringify(c.spec))).size).toBe(a.length);
    expect(sampleCandidates({ space, base, count: 6, seed: 4, judge })).not.toEqual(a);
  });

  it('records every candidate over budget with its reason, and gives up on a budget nothing fits', () => {
    const fitsSmall = (s: CandidateSpec) => {
      const v = planCandidate(s, context);
      return s.network.widths[0] > 16 ? { ...v, rejected: 'over budget: too wide' } : v;
    };
    const drawn = sampleCandidates({ space, base, count: 4, seed: 1, judge: fitsSmall });
    expect(drawn.filter((c) => !c.rejected)).toHaveLength(4);
    expect(drawn.filter((c) => c.rejected).every((c) => c.spec.network.widths[0] > 16)).toBe(true);
    const none = sampleCandidates({
      space,
      base,
      count: 2,
      seed: 1,
      judge: () => ({ planned: null, rejected: 'x' }),
    });
    expect(none.length).toBeGreaterThan(2);
    expect(none.every((c) => c.rejected === 'x')).toBe(true);
  });
});
