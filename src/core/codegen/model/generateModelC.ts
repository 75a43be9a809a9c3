import { StudioError } from '../../errors';
import { elementCount, type Graph, type OpKind, type Tensor } from '../../ir/graph';
import { prepareInterpreter } from '../../interp/interpreter';
import { checkCIdentifier } from '../c/cLiterals';
import type { GeneratedFile } from '../c/generatedFile';
import { kernelLibraryFiles } from '../c/kernelLibrary';
import { planStaticArena } from '../../mcu/arenaGenerated';
import { type ArenaPlan, checkArenaPlan } from './arenaPlan';
import { LayerContext, layerName } from './layerContext';
import { lowerLayer } from './lowerLayer';
import { modelHeader } from './modelHeader';
import { modelSource, type ModelLayer } from './modelSource';
import { expectNonEmptyTensors, modelBuffers } from './modelBuffers';

export interface ModelCOptions {
  /** Starts every public name: `<prefix>_model_invoke`, `<PREFIX>_MODEL_INPUT_SIZE`, `<prefix>_model.h`. */
  prefix: string;
  /** Said in the generated files' first comment, e.g. the project and impulse the model comes from. */
  title?: string;
}

export interface GeneratedModel {
  /** `<prefix>_model.h`, `<prefix>_model.c` and the kernel sources they need (tml_*.h, tml_*.c). */
  files: GeneratedFile[];
  /** Bytes of the static activation arena. */
  arenaSize: number;
  /** Bytes of weights and biases (the const arrays of the model's constant tensors). */
  constantBytes: number;
}

const BYTES = { int8: 1, float32: 4, int32: 4 } as const;

function fail(code: string, message: string): never {
  throw new StudioError(code, message);
}

/** The raw input or output tensor, which the generated API passes as int8_t or float. */
function ioTensor(graph: Graph, index: number, role: string): Tensor {
  const tensor = graph.tensors[index];
  if (tensor.dtype === 'int32') {
    fail(
      'codegen-unsupported',
      `The model's ${role} ("${tensor.name}") is int32; generated C takes int8 or float32.`,
    );
  }
  return tensor;
}

/**
 * The model as static C (DESIGN.md §8): one named kernel call per layer, weights and per-channel
 * multipliers as const arrays (flash), every intermediate tensor at a fixed offset in one static arena
 * (from `plan`, by default TFLite Micro's greedy planner), no interpreter and no dynamic allocation. The graph is first checked by the studio's interpreter, whose bits the C reproduces.
 */
export function generateModelC(
  graph: Graph,
  plan: ArenaPlan | undefined,
  options: ModelCOptions,
): GeneratedModel {
  checkCIdentifier(options.prefix, 'model prefix');
  if (graph.inputs.length !== 1 || graph.outputs.length !== 1) {
    fail(
      'codegen-unsupported',
      `The model has ${graph.inputs.length} inputs and ${graph.outputs.length} outputs; generated C takes one of each.`,
    );
  }
  prepareInterpreter(graph);
  expectNonEmptyTensors(graph);
  const buffers = modelBuffers(graph);
  if (graph.tensors[buffers.root[graph.outputs[0]]].data !== undefined) {
    fail('codegen-unsupported', "The model's output is a constant; there is nothing to compute.");
  }
  const input = ioTensor(graph, graph.inputs[0], 'input');
  const output = ioTensor(graph, graph.outputs[0], 'output');

  const arena = plan ?? planStaticArena(buffers.arena);
  checkArenaPlan(arena, buffers.arena);
  const arenaNames = new Map(buffers.arena.map((b) => [b.tensor, layerOutputName(graph, b.tensor)]));
  const storage = (root: number): string => {
    if (root === buffers.inputRoot) return 'input';
    if (root === buffers.outputRoot) return 'output';
    return arenaNames.get(root)!;
  };

  const constants = new Map<number, string>();
  const layers: ModelLayer[] = graph.ops.map((op, opIndex) => {
    const context = new LayerContext(graph, op, opIndex, buffers.root, storage, constants);
    const code = lowerLayer(context);
    const shapes = `[${graph.tensors[op.inputs[0]].shape.join(', ')}] -> [${graph.tensors[op.outputs[0]].shape.join(', ')}]`;
    return { name: context.name, kind: op.kind, shapes, declarations: context.declarations, ...code };
  });
  // Only a graph without compute (the input, reshaped) has an output that no op writes: invoke copies it.
  const copyInputToOutput = buffers.outputRoot === -1;

  const kinds = new Set<OpKind>(graph.ops.map((op) => op.kind));
  // features_to_input quantises with tml_quantize_value.
  if (input.dtype === 'int8') kinds.add('QUANTIZE');
  const constantBytes = [...constants.keys()].reduce(
    (n, t) => n + elementCount(graph.tensors[t].shape) * BYTES[graph.tensors[t].dtype],
    0,
  );
  const model = {
    prefix: options.prefix,
    title: options.title ?? graph.description ?? 'a TinyML Studio model',
    input,
    output,
    standardization: graph.standardization,
    arenaSize: arena.size,
    constantBytes,
  };
  const arenaTensors = buffers.arena.map((b) => ({
    name: arenaNames.get(b.tensor)!,
    tensor: graph.tensors[b.tensor],
    offset: arena.offsets.get(b.tensor)!,
  }));
  return {
    files: [
      { path: `${options.prefix}_model.h`, contents: modelHeader(model) },
      {
        path: `${options.prefix}_model.c`,
        contents: modelSource(model, layers, arenaTensors, copyInputToOutput),
      },
      ...kernelLibraryFiles(kinds),
    ],
    arenaSize: arena.size,
    constantBytes,
  };
}

/** The name of the arena buffer written by a layer: `<layer>_output`. */
function layerOutputName(graph: Graph, tensor: number): string {
  const opIndex = graph.ops.findIndex((op) => op.outputs[0] === tensor);
  return `${layerName(graph.ops[opIndex], opIndex)}_output`;
}
