import { create } from 'zustand';
import { describeError } from '../core/errors';
import type { Impulse } from '../core/impulse/impulse';
import type { Graph } from '../core/ir/graph';
import type { Agreement, Int8Verdict, LayerAgreement } from '../core/learn/runtimeAgreement';
import type { TrainedModel } from '../core/learn/trainedModel';
import { trainWorker } from '../platform/workers/trainClient';
import { jobSamples } from './trainingStore';

export interface RuntimeCheck {
  impulseId: string;
  modelCreatedAt: number;
  status: 'running' | 'done' | 'error';
  /** Which windows were used. */
  source: string;
  float?: Agreement;
  int8?: Agreement;
  /** The int8 model cut before its softmax: the logits, compared the same way. */
  int8Logits?: Agreement;
  /** Each int8 kernel alone, both runtimes given the input it saw in the whole graph. */
  int8Layers?: LayerAgreement[];
  /** `int8` and `int8Logits` read next to the kernel-by-kernel check (`int8Verdict`). */
  verdicts?: { int8?: Int8Verdict; int8Logits?: Int8Verdict };
  error?: string;
}

interface RuntimeCheckState {
  check: RuntimeCheck | null;
  /** Loads the model's `.tflite` files into the official TFLite runtime and compares its outputs with ours. */
  run: (impulse: Impulse, model: TrainedModel) => Promise<void>;
}

export const useRuntimeCheck = create<RuntimeCheckState>((set) => ({
  check: null,
  run: async (impulse, model) => {
    if (!model.float) return;
    const base = { impulseId: impulse.id, modelCreatedAt: model.createdAt };
    const testing = jobSamples(impulse, 'testing');
    const samples = testing.length > 0 ? testing : jobSamples(impulse, 'training');
    const source = `${testing.length > 0 ? 'test' : 'training'} windows`;
    set({ check: { ...base, status: 'running', source } });
    try {
      // Loaded on demand: the writer and the interpreter stay out of the main bundle, and the official runtime
      // runs in its own frame (officialRuntimeClient.ts), under a policy that allows what it needs.
      const [
        { writeTflite },
        { measureAgreement, measureLayerAgreement, logitsGraph, int8Verdict, rawInput },
        { replayRuntime },
        { officialRuntime },
      ] = await Promise.all([
        import('../core/tflite'),
        import('../core/learn/runtimeAgreement'),
        import('../core/learn/replayRuntime'),
        import('../platform/tflite/officialRuntimeClient'),
      ]);
      const runtime = await officialRuntime();
      const set_ = await trainWorker().windows(impulse, samples);
      const windows = Array.from({ length: set_.rowCount }, (_, i) =>
        set_.rows.subarray(i * set_.featureCount, (i + 1) * set_.featureCount),
      );
      // The frame answers asynchronously: each graph runs every input there at once, and the comparison replays
      // the outputs.
      const official = async (graph: Graph, inputs: readonly (Int8Array | Float32Array)[]) => {
        const input = graph.tensors[graph.inputs[0]];
        return replayRuntime(inputs, await runtime.runAll(writeTflite(graph), input, inputs));
      };
      const agree = async (graph: Graph) => {
        const inputs = windows.map((w) => rawInput(graph, w));
        return measureAgreement(graph, windows, await official(graph, inputs));
      };
      const float = await agree(model.float);
      const int8 = model.int8 ? await agree(model.int8.graph) : undefined;
      const logits = model.int8 ? logitsGraph(model.int8.graph) : null;
      const int8Logits = logits ? await agree(logits) : undefined;
      const int8Layers = model.int8
        ? await measureLayerAgreement(model.int8.graph, windows, official)
        : undefined;
      set({
        check: {
          ...base,
          status: 'done',
          source: `${windows.length} ${source}`,
          float,
          int8,
          int8Logits,
          int8Layers,
          verdicts: {
            int8: int8 && int8Verdict(int8, int8Layers),
            int8Logits: int8Logits && int8Verdict(int8Logits, int8Layers),
          },
        },
      });
    } catch (e) {
      set({ check: { ...base, status: 'error', source, error: describeError(e) } });
    }
  },
}));
