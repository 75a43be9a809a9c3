import { seededRandom } from '../../src/core/random';
import { prepareInterpreter } from '../../src/core/interp/interpreter';
import { readTflite, writeTflite } from '../../src/core/tflite';
import { logitsGraph } from '../../src/core/learn/runtimeAgreement';
import { loadOfficialModel } from '../../src/platform/tflite/officialRuntime';
import type { BenchMessage, BrowserBenchResults, InterpBenchResults, TrainBenchResults } from './protocol';

declare global {
  interface Window {
    startBench?: (model: { name: string; bytes: number[] }) => void;
    benchResults?: BrowserBenchResults;
    benchError?: string;
  }
}

const log = document.getElementById('log')!;
const say = (text: string) => (log.textContent += `\n${text}`);
const INVOKES = 200;

/** Ours vs the official TFLite runtime on the same int8 model and inputs, on this (main) thread: tfjs-tflite runs only here. */
async function interpBench(name: string, bytes: Uint8Array): Promise<InterpBenchResults> {
  const graph = readTflite(bytes, name);
  const input = graph.tensors[graph.inputs[0]];
  const size = input.shape.reduce((a, b) => a * b, 1);
  const rand = seededRandom(5);
  const inputs = Array.from({ length: 8 }, () =>
    Int8Array.from({ length: size }, () => Math.floor(rand() * 256) - 128),
  );
  const ours = prepareInterpreter(graph);
  const official = await loadOfficialModel(bytes, input, location.origin + '/');
  let differing = 0;
  let maxLsb = 0;
  let outputs = 0;
  inputs.forEach((x) => {
    const a = ours.invoke([x])[0];
    const b = official.run(x);
    a.forEach((v, i) => {
      differing += v === b[i] ? 0 : 1;
      maxLsb = Math.max(maxLsb, Math.abs(v - b[i]));
      outputs++;
    });
  });
  const time = (fn: (x: Int8Array) => unknown) => {
    for (let i = 0; i < 10; i++) fn(inputs[i % inputs.length]);
    const t0 = performance.now();
    for (let i = 0; i < INVOKES; i++) fn(inputs[i % inputs.length]);
    return (performance.now() - t0) / INVOKES;
  };
  // Where do differences come from? The same model cut before its softmax (the logits), compared the same way.
  const logits = logitsGraph(graph)!;
  const oursLogits = prepareInterpreter(logits);
  const officialLogits = await loadOfficialModel(writeTflite(logits), input, location.origin + '/');
  let logitsMaxLsb = 0;
  inputs.forEach((x) => {
    const a = oursLogits.invoke([x])[0];
    const b = officialLogits.run(x);
    a.forEach((v, i) => (logitsMaxLsb = Math.max(logitsMaxLsb, Math.abs(v - b[i]))));
  });
  const oursMs = time((x) => ours.invoke([x]));
  const officialMs = time((x) => official.run(x));
  say(
    `${name}: ours ${oursMs.toFixed(3)} ms, official ${officialMs.toFixed(3)} ms per invoke, ${differing} of ${outputs} outputs differ (max ${maxLsb} LSB; logits max ${logitsMaxLsb} LSB)`,
  );
  return {
    model: name,
    invokes: INVOKES,
    oursMs,
    officialMs,
    outputs,
    differingOutputs: differing,
    maxLsb,
    logitsMaxLsb,
  };
}

function trainBench(): Promise<TrainBenchResults> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./trainBench.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<BenchMessage>) => {
      const m = e.data;
      if (m.type === 'log') say(m.text);
      else if (m.type === 'done') resolve(m.results);
      else reject(new Error(m.message));
    };
    worker.postMessage({ baseUrl: location.origin + '/' });
  });
}

window.startBench = (model) => {
  void (async () => {
    const interp = await interpBench(model.name, Uint8Array.from(model.bytes));
    const train = await trainBench();
    window.benchResults = { ...train, interp };
  })().catch((e: unknown) => {
    window.benchError = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
  });
};
