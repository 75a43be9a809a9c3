/**
 * The sources of an impulse library (issue 18): the processing block as C (codegen/dsp), the learning block as
 * static C (codegen/model) or k-means scoring, the glue behind `run_impulse` (impulseGlue.ts) and the stdio
 * runner; and those of a bare-model library from any supported `.tflite` (no processing block, `model_invoke`).
 * Paths are relative to the library's root folder: sources in `src/`, the runner in `examples/stdio_runner/`.
 */
import { StudioError } from '../errors';
import { elementCount, type Graph } from '../ir/graph';
import type { Impulse } from '../impulse/impulse';
import type { TrainedModel } from '../learn/trainedModel';
import type { GeneratedFile } from '../codegen/c/generatedFile';
import { generateDspC, type DspCode } from '../codegen/dsp/generateDspC';
import { generateModelC, type GeneratedModel } from '../codegen/model/generateModelC';
import { generateBareModelApi, BARE_MODEL_PREFIX } from './bareModelApi';
import { generateImpulseGlue, IMPULSE_PREFIX, type GlueLearning } from './impulseGlue';
import { impulseStdioRunner, modelStdioRunner } from './stdioRunner';

export type Precision = 'int8' | 'float32';

export interface ImpulseSource {
  projectName: string;
  impulse: Pick<Impulse, 'name' | 'input' | 'dsp'>;
  model: Pick<TrainedModel, 'learn' | 'labels' | 'float' | 'int8' | 'anomaly'>;
  /** The network's precision; k-means anomaly scoring has only one. */
  precision: Precision;
}

export interface ImpulseLibrarySources {
  title: string;
  /** `src/…` files: the DSP, the model or the anomaly scorer, the glue, the kernels. */
  sources: GeneratedFile[];
  runner: GeneratedFile;
  dsp: DspCode;
  /** The generated network, or null for k-means anomaly detection. */
  model: GeneratedModel | null;
  /** The network's graph as deployed (its precision), or null. */
  graph: Graph | null;
  learning: GlueLearning;
}

const inSrc = (file: GeneratedFile): GeneratedFile => ({ path: `src/${file.path}`, contents: file.contents });

/** The network to deploy at `precision`, with a message that says what to do when there is none. */
export function deployedGraph(model: ImpulseSource['model'], precision: Precision): Graph {
  if (precision === 'int8') {
    if (!model.int8) {
      throw new StudioError(
        'deploy-not-quantised',
        'The model has no int8 version yet: quantise it on the Training page, or deploy it as float32.',
      );
    }
    return model.int8.graph;
  }
  if (!model.float) throw new StudioError('deploy-no-model', 'Train the impulse first: it has no model yet.');
  return model.float;
}

function learningOf(source: ImpulseSource): { learning: GlueLearning; graph: Graph | null } {
  const { model, precision } = source;
  if (model.learn.kind === 'anomaly') {
    if (!model.anomaly) {
      throw new StudioError(
        'deploy-no-model',
        'Train the anomaly detection block first: it has no clusters yet.',
      );
    }
    return { learning: { kind: 'anomaly', model: model.anomaly }, graph: null };
  }
  const graph = deployedGraph(model, precision);
  const outputs = elementCount(graph.tensors[graph.outputs[0]].shape);
  if (model.learn.kind === 'classifier') {
    if (outputs !== model.labels.length) {
      throw new StudioError(
        'deploy-labels',
        `The model gives ${outputs} outputs for ${model.labels.length} labels: train it again.`,
      );
    }
    return { learning: { kind: 'classifier', labels: model.labels, precision }, graph };
  }
  if (outputs !== 1) {
    throw new StudioError(
      'deploy-regression-outputs',
      `The regression model gives ${outputs} outputs, not 1.`,
    );
  }
  return { learning: { kind: 'regression', precision }, graph };
}

/** Generates every source of the impulse's library. */
export function impulseLibrarySources(source: ImpulseSource): ImpulseLibrarySources {
  const title = `${source.projectName} / ${source.impulse.name}`;
  const dsp = generateDspC(source.impulse, { prefix: IMPULSE_PREFIX });
  const { learning, graph } = learningOf(source);
  let model: GeneratedModel | null = null;
  if (graph) {
    const inputs = elementCount(graph.tensors[graph.inputs[0]].shape);
    if (inputs !== dsp.featureCount) {
      throw new StudioError(
        'deploy-features',
        `The model takes ${inputs} features but the processing block gives ${dsp.featureCount}: the impulse ` +
          'changed since training. Train it again.',
      );
    }
    model = generateModelC(graph, undefined, {
      prefix: IMPULSE_PREFIX,
      title: `${title} (${source.precision})`,
    });
  }
  const glue = generateImpulseGlue({
    title,
    input: source.impulse.input,
    featureCount: dsp.featureCount,
    learning,
  });
  return {
    title,
    sources: [...glue, ...dsp.files, ...(model?.files ?? [])].map(inSrc),
    runner: impulseStdioRunner(),
    dsp,
    model,
    graph,
    learning,
  };
}

export interface BareModelLibrarySources {
  title: string;
  sources: GeneratedFile[];
  runner: GeneratedFile;
  model: GeneratedModel;
}

/** Generates every source of a bare-model library: `model_invoke` on the raw tensors of `graph`. */
export function bareModelLibrarySources(graph: Graph, title: string): BareModelLibrarySources {
  const model = generateModelC(graph, undefined, { prefix: BARE_MODEL_PREFIX, title });
  const api = generateBareModelApi(title, graph.tensors[graph.inputs[0]], graph.tensors[graph.outputs[0]]);
  return { title, sources: [...api, ...model.files].map(inSrc), runner: modelStdioRunner(), model };
}
