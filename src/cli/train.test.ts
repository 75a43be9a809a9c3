import { beforeAll, describe, expect, it } from 'vitest';
import { exportProjectArchive } from '../core/formats/projectArchive';
import { GESTURE_IMPULSE, gestureBenchSamples } from '../core/learn/gestureBenchSet';
import { aggregateSample } from '../core/learn/aggregate';
import { defaultLearnBlock } from '../core/learn/learnBlock';
import { graphRunner } from '../core/learn/modelRunner';
import { trainingSetFromSamples } from '../core/learn/trainingSet';
import { readTflite } from '../core/tflite';
import type { Impulse } from '../core/impulse/impulse';
import type { Sample } from '../core/dataset/sample';
import { fakeIo } from './fakeIo';
import { runCli } from './run';
import { storedSample } from './testProject';

const TEST_SECONDS = 8;

/** Virtual-board gestures: 40 s of each to train on and, with `testing`, 8 s of each recorded apart to test on. */
function projectZip(testing = false): Uint8Array {
  const project = { id: 'p1', name: 'Gestures', createdAt: 1, updatedAt: 1 };
  const recorded = (seconds: number, seed: number, category: Sample['category']) =>
    gestureBenchSamples(seconds, seed).map((s, i) =>
      storedSample(s, { id: `${category}${i}`, projectId: 'p1', name: `${s.label}.${category}`, category }),
    );
  const samples = [...recorded(40, 7, 'training'), ...(testing ? recorded(TEST_SECONDS, 99, 'testing') : [])];
  const impulse: Impulse = {
    id: 'i1',
    projectId: 'p1',
    name: 'Gestures',
    ...GESTURE_IMPULSE,
    learn: defaultLearnBlock('classifier', [33]),
    createdAt: 1,
    updatedAt: 1,
  };
  return exportProjectArchive(project, samples, [impulse]);
}

describe('studio train', () => {
  it('trains an impulse of an exported project and writes model.json and both .tflite files', async () => {
    const t = fakeIo({ 'p.zip': projectZip() });
    expect(
      await runCli(
        [
          'train',
          '--project',
          'p.zip',
          '--impulse',
          'Gestures',
          '--epochs',
          '8',
          '--backend',
          'cpu',
          '--out',
          'm',
        ],
        t.io,
      ),
    ).toBe(0);
    const summary = JSON.parse(t.out[0]) as {
      labels: string[];
      epochs: number;
      files: string[];
      validation: { accuracy: number };
    };
    expect(summary.labels).toEqual(['circle', 'idle', 'punch', 'wave']);
    expect(summary.epochs).toBe(8);
    expect(summary.files).toEqual([
      'model.json',
      'model_float32.tflite',
      'model_int8.tflite',
      'metrics.json',
    ]);
    expect(summary.validation.accuracy).toBeGreaterThan(0.8);
    const int8 = readTflite(t.written['m/model_int8.tflite'] as Uint8Array);
    expect(int8.tensors[int8.inputs[0]].dtype).toBe('int8');
    expect(readTflite(t.written['m/model_float32.tflite'] as Uint8Array).ops.map((o) => o.kind)).toEqual([
      'FULLY_CONNECTED',
      'FULLY_CONNECTED',
      'FULLY_CONNECTED',
      'SOFTMAX',
    ]);
    expect(JSON.parse(t.written['m/model.json'] as string)).toMatchObject({
      impulse: 'Gestures',
      kind: 'classifier',
    });
  });

  it('says there is no test when the project has no testing samples, in the summary and metrics.json', async () => {
    const t = fakeIo({ 'p.zip': projectZip() });
    const args = [
      'train',
      '--project',
      'p.zip',
      '--impulse',
      'Gestures',
      '--epochs',
      '2',
      '--backend',
      'cpu',
    ];
    expect(await runCli([...args, '--out', 'm'], t.io)).toBe(0);
    const reason = 'the project has no enabled testing samples with the impulse’s axes';
    expect(JSON.parse(t.out[0])).toMatchObject({ test: null, testSkipped: reason });
    expect(JSON.parse(t.written['m/metrics.json'] as string)).toMatchObject({
      test: null,
      testSkipped: reason,
    });
    expect(t.err.at(-1)).toBe(`test: skipped, ${reason}`);
  });

  it('names the impulses the project has when the one asked for is missing', async () => {
    const t = fakeIo({ 'p.zip': projectZip() });
    expect(await runCli(['train', '--project', 'p.zip', '--impulse', 'Nope', '--out', 'm'], t.io)).toBe(1);
    expect(t.err.join('\n')).toContain('the project has no impulse named "Nope" (it has "Gestures")');
  });

  it('refuses a bad --epochs', async () => {
    const t = fakeIo();
    expect(
      await runCli(['train', '--project', 'p.zip', '--impulse', 'x', '--epochs', '0', '--out', 'm'], t.io),
    ).toBe(2);
  });

  it.each([
    ['abc', 'studio: --threshold needs a number'],
    ['1.5', /^studio: --threshold: Confidence threshold .*1/],
  ])('refuses --threshold %s for a classifier before training', async (value, message) => {
    const t = fakeIo({ 'p.zip': projectZip() });
    const args = ['train', '--project', 'p.zip', '--impulse', 'Gestures', '--out', 'm'];
    expect(await runCli([...args, '--threshold', value], t.io)).toBe(2);
    expect(t.err[0]).toMatch(message);
    expect(t.written).toEqual({});
  });
});

interface Figures {
  sampleAccuracy: number;
  windowAccuracy: number;
  uncertainSamples: number;
}

interface PrecisionRecord extends Figures {
  samples: Array<{ name: string; label: string; predicted: string; windows: number; correct: boolean }>;
}

describe('studio train on a project with testing samples', () => {
  const t = fakeIo({ 'p.zip': projectZip(true) });
  let summary: {
    validation: object;
    test: { threshold: number; samples: number; windows: number; float32: Figures; int8: Figures };
  };
  let metrics: { test: { float32: PrecisionRecord; int8: PrecisionRecord; tooShort: string[] } };

  beforeAll(async () => {
    const args = [
      'train',
      '--project',
      'p.zip',
      '--impulse',
      'Gestures',
      '--epochs',
      '8',
      '--backend',
      'cpu',
    ];
    expect(await runCli([...args, '--out', 'm'], t.io)).toBe(0);
    summary = JSON.parse(t.out[0]);
    metrics = JSON.parse(t.written['m/metrics.json'] as string);
  }, 120_000);

  const testWindows = () => {
    const samples = gestureBenchSamples(TEST_SECONDS, 99);
    return samples.map((s) => ({ ...s, rows: trainingSetFromSamples(GESTURE_IMPULSE, [s]).set.rows }));
  };

  it('prints the test figures of both precisions beside the validation ones', () => {
    const windows = testWindows().reduce((n, s) => n + s.rows.length, 0);
    expect(summary.test).toMatchObject({ threshold: 0.6, samples: 4, windows });
    for (const precision of ['float32', 'int8'] as const) {
      const f = summary.test[precision];
      expect(Object.keys(f).sort()).toEqual(['sampleAccuracy', 'uncertainSamples', 'windowAccuracy']);
      expect(f.windowAccuracy).toBeGreaterThanOrEqual(0.75);
      // metrics.json holds the same figures, with each sample's verdict behind the per-sample accuracy.
      const record = metrics.test[precision];
      expect(record).toMatchObject(f);
      expect(record.samples.filter((s) => s.correct).length / record.samples.length).toBe(f.sampleAccuracy);
    }
    expect(metrics.test.tooShort).toEqual([]);
    expect(t.err.at(-1)).toMatch(
      /^test \(4 samples, \d+ windows, threshold 0\.6\): float32 [\d.]+ % of samples right, [\d.]+ % of windows; int8 /,
    );
  });

  it('judges each test sample as the Testing page does, with the written .tflite files', () => {
    for (const [precision, file] of [
      ['float32', 'm/model_float32.tflite'],
      ['int8', 'm/model_int8.tflite'],
    ] as const) {
      const run = graphRunner(readTflite(t.written[file] as Uint8Array));
      const labels = ['circle', 'idle', 'punch', 'wave'];
      const expected = testWindows().map((s) => {
        const verdict = aggregateSample(s.rows.map(run), 0.6);
        const predicted = verdict.predicted === 'uncertain' ? 'uncertain' : labels[verdict.predicted];
        return { label: s.label, windows: s.rows.length, predicted, correct: predicted === s.label };
      });
      expect(
        metrics.test[precision].samples.map(({ label, windows, predicted, correct }) => ({
          label,
          windows,
          predicted,
          correct,
        })),
      ).toEqual(expected);
    }
  });
});
