/**
 * Flash of a model's build (DESIGN.md §7: flash = constant buffers + kernel code per op type + runtime): for
 * TensorFlow Lite Micro the model's `.tflite` flatbuffer as it is (weights, quantisation, options), the
 * interpreter and each op type's kernel; for the studio's generated C the weights, biases and per-channel
 * multipliers as const arrays, each layer's parameter table and call, and the kernel functions the model uses,
 * no interpreter. The code figures are measured builds for a Cortex-M4F (codeSizeData.ts), hence estimated for
 * any other model and core; the model's own bytes are exact.
 */
import { type Graph, type OpKind, OMITTED } from '../ir/graph';
import {
  GENERATED_BUILD,
  GENERATED_FUNCTIONS,
  GENERATED_KERNELS,
  GENERATED_MODEL,
  TFLM_BUILD,
  TFLM_CODE,
  TFLM_STATICS,
} from './codeSizeData';
import type { Runtime } from './cost';
import type { BytesPart } from './profileTypes';
import { tensorBytes } from './tensorLifetimes';

/** The op types of a graph, in order of first use. */
export function opTypes(graph: Graph): OpKind[] {
  return [...new Set(graph.ops.map((op) => op.kind))];
}

const estimated = (name: string, bytes: number, from: string): BytesPart => ({
  name,
  bytes,
  accuracy: 'estimated',
  from,
});

/** TFLite Micro's code for the graph's op types: runtime, shared kernel helpers, one part per op type. */
export function tfliteMicroCode(graph: Graph, runtime: 'tflm-reference' | 'tflm-cmsis-nn'): BytesPart[] {
  const table = TFLM_CODE[runtime];
  const kernels = runtime === 'tflm-cmsis-nn' ? 'CMSIS-NN kernels' : 'reference kernels';
  return [
    estimated('TFLite Micro runtime (interpreter, allocator, planner)', table.base, TFLM_BUILD),
    estimated(`kernel helpers shared by the ops (${kernels})`, table.shared, TFLM_BUILD),
    ...opTypes(graph).map((kind) =>
      estimated(`${kind} kernel (${kernels})`, table.perOp[kind], `${TFLM_BUILD}: its marginal cost`),
    ),
  ];
}

/** TFLite Micro's RAM outside the arena for a graph: its statics, the interpreter and the op resolver. */
export function tfliteMicroStatics(graph: Graph): BytesPart {
  const types = opTypes(graph).length;
  const s = TFLM_STATICS;
  return estimated(
    'TFLite Micro statics (interpreter, op resolver, .data/.bss)',
    s.data + s.interpreter + s.resolverBase + s.resolverPerOp * types,
    `sizeof(MicroInterpreter) ${s.interpreter} B + MicroMutableOpResolver<${types}> + ${s.data} B of .data/.bss, ${TFLM_BUILD}`,
  );
}

function arithmeticOf(graph: Graph, index: number): 'int8' | 'float32' {
  const op = graph.ops[index];
  const input = graph.tensors[op.inputs[0]];
  if (op.kind === 'QUANTIZE') return input.dtype === 'float32' ? 'float32' : 'int8';
  return input.dtype === 'float32' ? 'float32' : 'int8';
}

/** Per-channel multipliers and shifts: one int32 each per output channel of a quantised conv, depthwise or FC. */
function multiplierBytes(graph: Graph): number {
  return graph.ops.reduce((sum, op, i) => {
    if (arithmeticOf(graph, i) !== 'int8') return sum;
    if (op.kind !== 'CONV_2D' && op.kind !== 'DEPTHWISE_CONV_2D' && op.kind !== 'FULLY_CONNECTED') return sum;
    const output = graph.tensors[op.outputs[0]].shape;
    return sum + 2 * 4 * output[output.length - 1];
  }, 0);
}

function constantBytes(graph: Graph): number {
  const used = new Set(graph.ops.flatMap((op) => op.inputs.filter((i) => i !== OMITTED)));
  return [...used].reduce((sum, i) => {
    const t = graph.tensors[i];
    return t.data === undefined ? sum : sum + tensorBytes(t);
  }, 0);
}

/** The generated C build's flash: the model's constants and code, and the kernel functions it links. */
export function generatedCode(graph: Graph): BytesPart[] {
  const functions = new Set<string>();
  graph.ops.forEach((op, i) => {
    for (const f of GENERATED_KERNELS[op.kind][arithmeticOf(graph, i)]) functions.add(f);
  });
  const calls = graph.ops.filter((op) => op.kind !== 'RESHAPE').length;
  const m = GENERATED_MODEL;
  const kernelBytes = [...functions].reduce((sum, f) => sum + GENERATED_FUNCTIONS[f], 0);
  const parts: BytesPart[] = [
    {
      name: 'weights, biases and other constant tensors',
      bytes: constantBytes(graph),
      accuracy: 'exact',
      from: 'the constant tensors of the model, as const arrays',
    },
    {
      name: 'per-channel multipliers and shifts',
      bytes: multiplierBytes(graph),
      accuracy: 'exact',
      from: 'two int32 per output channel of every quantised convolution and dense layer',
    },
    estimated(
      `layer parameter tables and calls (${calls} layers)`,
      calls * (m.perLayerTable + m.perCall) + m.invokeBase + m.ioFunctions,
      `${GENERATED_BUILD}: the KWS model's generated build, per layer`,
    ),
    estimated(`kernel functions (${[...functions].join(', ') || 'none'})`, kernelBytes, GENERATED_BUILD),
  ];
  return parts;
}

/** The flash parts of the graph's build under `runtime`, the model itself first. */
export function modelFlash(graph: Graph, runtime: Runtime, tfliteBytes: number): BytesPart[] {
  if (runtime === 'studio-generated') return generatedCode(graph);
  return [
    {
      name: 'the .tflite model (weights, quantisation, graph)',
      bytes: tfliteBytes,
      accuracy: 'exact',
      from: 'the flatbuffer TFLite Micro reads in place from flash',
    },
    ...tfliteMicroCode(graph, runtime),
  ];
}
