import { describeError } from '../../core/errors';
import { importProjectArchive } from '../../core/formats/projectArchive';
import { missingAxes } from '../../core/impulse/defaults';
import { featureShape } from '../../core/impulse/generateFeatures';
import { makeAugmenter } from '../../core/learn/augmenter';
import { defaultLearnBlock, type LearnBlock } from '../../core/learn/learnBlock';
import { trainImpulse } from '../../core/learn/trainImpulse';
import { trainingSetFromSamples } from '../../core/learn/trainingSet';
import { writeTflite } from '../../core/tflite';
import { quantizeTrained } from '../../core/learn/quantizeTrained';
import { DEFAULT_QUANTIZE } from '../../core/learn/quantizeSettings';
import type { QuantizedModel } from '../../core/learn/trainedModel';
import { testSettingsProblems } from '../../core/validation/classifyRules';
import { useNodeBackend } from '../tfBackend';
import { UsageError, type CommandRun } from '../command';
import { describeTest, metricsRecord, testOnProject } from '../testMetrics';
import { DEFAULT_TEST_THRESHOLD } from './trainCommand';

function withEpochs(learn: LearnBlock, epochs: number | undefined): LearnBlock {
  if (epochs === undefined || learn.kind === 'anomaly') return learn;
  return { ...learn, training: { ...learn.training, epochs } };
}

/**
 * Trains an impulse of an exported project headless, with the studio's own core. Writes into --out:
 * `model.json` (labels, settings, validation metrics, history), for networks `model_float32.tflite` and
 * `model_int8.tflite` (int8 in and out, calibrated on the training windows with min/max), and `metrics.json`
 * (the test-set results of each precision, per sample too). Prints one JSON line: {"impulse", "kind",
 * "labels", "backend", "trainWindows", "validationWindows", "validation", "epochs", "int8", "files", "test"};
 * "test" is null when there is nothing to test on, and "testSkipped" then says why.
 */
export const run: CommandRun = async ({ options }, { io }) => {
  if (typeof options.project !== 'string') throw new UsageError('--project <project.zip> is required');
  if (typeof options.impulse !== 'string') throw new UsageError('--impulse <name> is required');
  if (typeof options.out !== 'string') throw new UsageError('--out <model-dir> is required');
  const epochs = options.epochs === undefined ? undefined : Number(options.epochs);
  if (epochs !== undefined && !(Number.isInteger(epochs) && epochs > 0))
    throw new UsageError('--epochs needs a positive whole number');
  const backendChoice = options.backend ?? 'wasm';
  if (backendChoice !== 'wasm' && backendChoice !== 'cpu')
    throw new UsageError('--backend must be wasm or cpu');
  const threshold = options.threshold === undefined ? DEFAULT_TEST_THRESHOLD : Number(options.threshold);
  if (!Number.isFinite(threshold) || options.threshold === '')
    throw new UsageError('--threshold needs a number');
  try {
    const archive = importProjectArchive(options.project, await io.readFile(options.project));
    const impulse = archive.impulses.find((i) => i.name === options.impulse);
    if (!impulse) {
      const names = archive.impulses.map((i) => `"${i.name}"`).join(', ');
      throw new Error(
        `the project has no impulse named "${options.impulse}"${names ? ` (it has ${names})` : ' (it has none: design one in the studio first)'}`,
      );
    }
    const learn = withEpochs(impulse.learn ?? defaultLearnBlock('classifier', featureShape(impulse)), epochs);
    const thresholdProblem = testSettingsProblems(learn.kind, threshold).threshold;
    if (thresholdProblem) throw new UsageError(`--threshold: ${thresholdProblem}`);
    const samples = archive.samples
      .filter((s) => s.enabled && s.category === 'training' && !missingAxes(s, impulse.input))
      .map((s) => ({
        id: s.originalId,
        label: s.label,
        values: s.values,
        sensors: s.sensors,
        intervalMs: s.intervalMs,
      }));
    const augmenting = learn.kind !== 'anomaly' && learn.training.augmentation.enabled;
    const { set, motion } = trainingSetFromSamples(impulse, samples, augmenting);
    const backend =
      learn.kind === 'anomaly'
        ? 'k-means'
        : await useNodeBackend(
            backendChoice,
            learn.layers.some((l) => l.type === 'conv1d' || l.type === 'conv2d'),
          );
    const augment =
      learn.kind === 'anomaly'
        ? undefined
        : makeAugmenter(impulse, learn.training.augmentation, set.rows, set.featureShape, motion);
    const model = await trainImpulse(set, {
      impulseId: impulse.name,
      projectId: archive.project.name,
      learn,
      backend,
      description: `TinyML Studio — ${impulse.name}`,
      augment,
      onEpoch: (log, total) =>
        io.err(
          `epoch ${log.epoch}/${total} loss ${log.loss.toFixed(4)}${log.valAccuracy !== null ? ` val_acc ${log.valAccuracy.toFixed(4)}` : ''}`,
        ),
    });
    const files = ['model.json'];
    let int8: { bytes: number; calibrationWindows: number } | undefined;
    let quantized: QuantizedModel | undefined;
    if (model.float) {
      await io.writeFile(`${options.out}/model_float32.tflite`, writeTflite(model.float));
      quantized = await quantizeTrained(model, set.rows, DEFAULT_QUANTIZE);
      await io.writeFile(`${options.out}/model_int8.tflite`, writeTflite(quantized.graph));
      files.push('model_float32.tflite', 'model_int8.tflite');
      int8 = { bytes: quantized.int8Bytes, calibrationWindows: quantized.calibration.windows };
    }
    const tested = testOnProject({ ...model, int8: quantized }, impulse, archive.samples, threshold);
    files.push('metrics.json');
    const summary = {
      impulse: impulse.name,
      kind: learn.kind,
      labels: model.labels,
      backend,
      trainWindows: model.trainWindows,
      validationWindows: model.validationWindows,
      validation: model.validation,
      epochs: model.history.length,
      int8,
      files,
      test: tested.summary,
      ...(tested.summary === null ? { testSkipped: tested.reason } : {}),
    };
    const record = {
      ...summary,
      learn,
      featureShape: model.featureShape,
      history: model.history,
      anomaly: model.anomaly,
      durationMs: model.durationMs,
    };
    await io.writeFile(`${options.out}/model.json`, JSON.stringify(record, null, 1) + '\n');
    await io.writeFile(
      `${options.out}/metrics.json`,
      JSON.stringify(metricsRecord(impulse.name, model, tested), null, 1) + '\n',
    );
    io.err(describeTest(tested));
    io.out(JSON.stringify(summary));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.err(`train: ${describeError(e)}`);
    return 1;
  }
};
