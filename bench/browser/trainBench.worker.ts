/// <reference lib="webworker" />
import { getBlock } from '../../src/core/dsp/blocks';
import { planArchitecture } from '../../src/core/learn/architecture';
import { exportGraph } from '../../src/core/learn/exportGraph';
import { GESTURE_IMPULSE, gestureBenchSet } from '../../src/core/learn/gestureBenchSet';
import { defaultTrainingSettings } from '../../src/core/learn/learnBlock';
import { graphRunner } from '../../src/core/learn/modelRunner';
import { trainNetwork } from '../../src/core/learn/train';
import { classLabels } from '../../src/core/learn/trainImpulse';
import { useTfBackend, type BackendChoice } from '../../src/platform/tfjs/backend';
import type { BenchMessage, TrainBenchResults } from './protocol';

const WINDOWS = 3000;
const EPOCHS = 30;
const post = (m: BenchMessage) => postMessage(m);

async function run(baseUrl: string): Promise<TrainBenchResults> {
  const { set, motion } = gestureBenchSet(WINDOWS);
  const labels = classLabels(set.rowLabels);
  const y = Int32Array.from(set.rowLabels, (l) => labels.indexOf(l));
  const featureCount = set.rows[0].length;
  const x = new Float32Array(set.rows.length * featureCount);
  set.rows.forEach((r, i) => x.set(r, i * featureCount));
  const arch = planArchitecture(
    set.featureShape,
    [
      { type: 'dense', units: 20 },
      { type: 'dense', units: 10 },
    ],
    { kind: 'classifier', classes: labels.length },
  );
  const settings = { ...defaultTrainingSettings(false), epochs: EPOCHS };
  post({
    type: 'log',
    text: `${set.rows.length} windows × ${featureCount} features, ${labels.length} classes`,
  });
  const train: TrainBenchResults['train'] = {};
  let graph = null;
  for (const choice of ['wasm', 'cpu'] as BackendChoice[]) {
    const backend = await useTfBackend(choice, baseUrl);
    const t0 = performance.now();
    const result = await trainNetwork({ x, rows: set.rows.length, featureCount, y }, { arch, settings });
    const seconds = (performance.now() - t0) / 1000;
    const last = result.history[result.history.length - 1];
    train[choice] = {
      seconds,
      valAccuracy: last.valAccuracy,
      note: backend.name !== choice ? backend.note : undefined,
    };
    post({
      type: 'log',
      text: `${choice}: ${seconds.toFixed(2)} s, validation accuracy ${last.valAccuracy}`,
    });
    graph ??= exportGraph(arch, result.weights, 'bench');
  }
  // Live classification as the training worker does it: DSP on the raw window, then the model.
  const run = graphRunner(graph!);
  const block = getBlock(GESTURE_IMPULSE.dsp.block);
  const params = block.parseParams(GESTURE_IMPULSE.dsp.params);
  const windows = motion!.windows;
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 2000) {
    run(block.run(params, windows[n % windows.length], motion!.shape));
    n++;
  }
  const liveWindowsPerS = n / ((performance.now() - t0) / 1000);
  return { windows: set.rows.length, epochs: EPOCHS, train, liveWindowsPerS };
}

onmessage = (e: MessageEvent<{ baseUrl: string }>) => {
  run(e.data.baseUrl).then(
    (results) => post({ type: 'done', results }),
    (err: unknown) =>
      post({ type: 'error', message: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) }),
  );
};
