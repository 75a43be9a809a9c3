/**
 * compress.distill_gain_pct: test accuracy of a distilled student minus that of the same student trained from
 * scratch (same seed, same epochs), in percentage points, on the gesture impulse (virtual-board recordings) and on
 * a keyword impulse (the shared WAVs, each made into many clips by seeded shifts, gains and noise). The teacher is
 * the default network with twice the units / filters, the student the default with half. Node, tfjs cpu backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { smallerLayers, DEFAULT_TUNE } from '../src/core/compress/compressSettings';
import { distil } from '../src/core/compress/compressTechniques';
import type { Impulse } from '../src/core/impulse/impulse';
import { gestureBenchSamples, GESTURE_IMPULSE } from '../src/core/learn/gestureBenchSet';
import { defaultLearnBlock, type LayerSpec, type NeuralBlock } from '../src/core/learn/learnBlock';
import { graphRunner } from '../src/core/learn/modelRunner';
import { trainImpulse } from '../src/core/learn/trainImpulse';
import type { TrainedModel } from '../src/core/learn/trainedModel';
import { trainingSetFromSamples, type LabelledSample } from '../src/core/learn/trainingSet';
import { KEYWORD_IMPULSE, keywordSamples } from './keywordBenchSet';
import type { Benchmark, BenchResult } from './types';

const wider = (layers: LayerSpec[]): LayerSpec[] =>
  layers.map((l) =>
    l.type === 'dense'
      ? { ...l, units: l.units * 2 }
      : l.type === 'conv1d' || l.type === 'conv2d'
        ? { ...l, filters: l.filters * 2 }
        : l,
  );

function testAccuracy(model: TrainedModel, rows: Float32Array[], labels: string[]): number {
  const run = graphRunner(model.float!);
  let right = 0;
  rows.forEach((row, i) => {
    const out = run(row);
    if (model.labels[out.indexOf(Math.max(...out))] === labels[i]) right++;
  });
  return right / rows.length;
}

async function gain(
  name: string,
  impulse: Pick<Impulse, 'input' | 'dsp'>,
  train: LabelledSample[],
  test: LabelledSample[],
  epochs: number,
): Promise<number> {
  const { set } = trainingSetFromSamples(impulse, train);
  const testSet = trainingSetFromSamples(impulse, test).set;
  const base = defaultLearnBlock('classifier', set.featureShape) as NeuralBlock;
  const learn: NeuralBlock = { ...base, layers: wider(base.layers), training: { ...base.training, epochs } };
  const t0 = performance.now();
  const teacher = await trainImpulse(set, {
    impulseId: 'teacher',
    projectId: 'bench',
    learn,
    backend: 'cpu',
    description: name,
  });
  const { student, scratch } = await distil(
    { source: teacher, set, impulseId: 'student', description: name },
    'scratch',
    {
      ...DEFAULT_TUNE,
      // As the Compression page defaults it: the student trains at the teacher's learning rate and batch size.
      learningRate: learn.training.learningRate,
      batchSize: learn.training.batchSize,
      epochs,
      studentLayers: smallerLayers(base.layers),
      temperature: 4,
      alpha: 0.7,
    },
  );
  const [a, s, z] = [teacher, student, scratch].map((m) => testAccuracy(m, testSet.rows, testSet.rowLabels));
  console.log(
    `${name}: ${set.rows.length} training / ${testSet.rows.length} test windows, teacher ${(a * 100).toFixed(1)} %, ` +
      `distilled student ${(s * 100).toFixed(1)} %, same student from scratch ${(z * 100).toFixed(1)} % ` +
      `(${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
  return (s - z) * 100;
}

export const compressBench: Benchmark = {
  name: 'compress',
  async run() {
    await tf.setBackend('cpu');
    const goal = 'above 0: the distilled student beats the same student trained from scratch';
    const gesture = await gain(
      'gesture',
      GESTURE_IMPULSE,
      gestureBenchSamples(12, 7),
      gestureBenchSamples(8, 1001),
      40,
    );
    const keywords = await gain(
      'keywords',
      KEYWORD_IMPULSE,
      keywordSamples(16, 5),
      keywordSamples(8, 77),
      40,
    );
    const result = (value: number, what: string): BenchResult => ({
      value,
      unit: 'percentage points',
      goal: `${goal} (${what})`,
    });
    return {
      'compress.distill_gain_pct': result(
        (gesture + keywords) / 2,
        'mean of the gesture and keyword impulses',
      ),
      'compress.distill_gain_pct.gesture': result(gesture, 'the gesture impulse'),
      'compress.distill_gain_pct.keywords': result(keywords, 'the keyword impulse'),
    };
  },
};
