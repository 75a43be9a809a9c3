/**
 * The C header/source for TensorFlow Lite Micro users (issue 18, DESIGN.md §8): `model_data.h` / `model_data.cc`
 * with the `.tflite` file as a 16-byte aligned array, the tensor arena size from the studio's planner
 * (mcu/arena.ts: TFLM's greedy-planned head plus its persistent tail), the op resolver the model needs and a
 * minimal usage snippet.
 */
import { StudioError } from '../errors';
import { elementCount, type Graph, type OpKind, type Tensor } from '../ir/graph';
import type { GeneratedFile } from '../codegen/c/generatedFile';
import { cArrayBody, cFloat, commentText } from '../codegen/c/cLiterals';
import { planArena, type ArenaReport } from '../mcu/arena';
import { alignUp, MICRO_ARENA_ALIGNMENT } from '../mcu/arenaGreedyPlanner';

/** The MicroMutableOpResolver method that registers each op kind (micro_mutable_op_resolver.h). */
export const RESOLVER_METHODS: Record<OpKind, string> = {
  CONV_2D: 'AddConv2D',
  DEPTHWISE_CONV_2D: 'AddDepthwiseConv2D',
  FULLY_CONNECTED: 'AddFullyConnected',
  MAX_POOL_2D: 'AddMaxPool2D',
  AVERAGE_POOL_2D: 'AddAveragePool2D',
  RESHAPE: 'AddReshape',
  SOFTMAX: 'AddSoftmax',
  QUANTIZE: 'AddQuantize',
  DEQUANTIZE: 'AddDequantize',
  ADD: 'AddAdd',
  MEAN: 'AddMean',
};

/**
 * Bytes AllocateTensors() holds only while it plans (micro_allocation_info.cc CreateAllocationInfo and the greedy
 * planner's buffer), on a 32-bit core: one size_t offset for the one subgraph, an AllocationInfo (size_t bytes, void** output_ptr, int first_created, int last_used, int32_t offline_offset,
 * bool needs_allocating: 24 bytes) for every tensor and scratch buffer, and the greedy planner's per-buffer
 * arrays (BufferRequirements 12, two int orderings, ListEntry 12: 32 bytes). They sit where the activations go
 * afterwards, so the arena needs tail + max(head, planning). On a 64-bit host size_t takes 8 bytes and an
 * AllocationInfo 32.
 */
export const PLANNING_BYTES = {
  mcu32: { perSubgraph: 4, perTensor: 24, perBuffer: 32 },
  host64: { perSubgraph: 8, perTensor: 32, perBuffer: 32 },
} as const;

/** Added to the planner's figure: other TFLM versions' tails differ by some hundreds of bytes. */
export const ARENA_MARGIN_BYTES = 1024;

export interface TfliteMicroArenaSize {
  /** arena_used_bytes() as the planner gives it: head + tail, with the model's kernels. */
  usedBytes: number;
  /** What AllocateTensors() needs at its peak: tail + max(head, planning temporaries). */
  neededBytes: number;
  /** The size the header recommends: neededBytes + ARENA_MARGIN_BYTES, a multiple of 16. */
  recommendedBytes: number;
}

/** The arena a TFLM build needs for `graph` (reference or CMSIS-NN kernels, whichever takes more). */
export function tfliteMicroArenaSize(
  graph: Graph,
  abi: keyof typeof PLANNING_BYTES = 'mcu32',
): TfliteMicroArenaSize {
  const reports: ArenaReport['tfliteMicro']['mcu32'][] =
    abi === 'mcu32'
      ? [
          planArena(graph, { mcuKernels: 'reference' }).tfliteMicro.mcu32,
          planArena(graph, { mcuKernels: 'cmsis-nn' }).tfliteMicro.mcu32,
        ]
      : [planArena(graph).tfliteMicro.host64];
  const per = PLANNING_BYTES[abi];
  const sizes = reports.map((r) => {
    const scratch = r.buffers.filter((b) => b.kind === 'scratch').length;
    const planning =
      alignUp(per.perSubgraph + per.perTensor * (graph.tensors.length + scratch), MICRO_ARENA_ALIGNMENT) +
      alignUp(per.perBuffer * r.buffers.length, MICRO_ARENA_ALIGNMENT);
    return { used: r.total.bytes, needed: r.tail.bytes + Math.max(r.head.bytes, planning) };
  });
  const usedBytes = Math.max(...sizes.map((s) => s.used));
  const neededBytes = Math.max(...sizes.map((s) => s.needed));
  return {
    usedBytes,
    neededBytes,
    recommendedBytes: alignUp(neededBytes + ARENA_MARGIN_BYTES, MICRO_ARENA_ALIGNMENT),
  };
}

/** The op kinds of the graph in first-use order: what the resolver must register. */
export function resolverOps(graph: Graph): OpKind[] {
  return [...new Set(graph.ops.map((op) => op.kind))];
}

function tensorLine(role: string, t: Tensor): string {
  const q = t.quant;
  const quant =
    t.dtype === 'int8' && q
      ? `, scale ${Number(q.scale[0].toPrecision(8))}, zero point ${q.zeroPoint[0]}`
      : '';
  return `// ${role}: ${t.dtype} [${t.shape.join(', ')}]${quant}`;
}

/** The input standardisation as constants, when the model has one (the .tflite carries it as metadata too). */
function standardizationText(graph: Graph): string {
  const s = graph.standardization;
  if (s === undefined) return '';
  return `
// The model takes standardised features: feature j enters as (x_j - kFeatureMean[j]) / kFeatureStd[j], in
// float32, before it is quantised to the input tensor (the studio's own runners do exactly this).
constexpr float kFeatureMean[${s.mean.length}] = {
${cArrayBody(s.mean, cFloat)}
};
constexpr float kFeatureStd[${s.std.length}] = {
${cArrayBody(s.std, cFloat)}
};
`;
}

function hexBody(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    const row = Array.from(bytes.subarray(i, i + 16), (b) => `0x${b.toString(16).padStart(2, '0')}`);
    lines.push(`    ${row.join(', ')},`);
  }
  return lines.join('\n');
}

export interface TfliteMicroSourceOptions {
  /** Said in the files' first comment. */
  title: string;
}

/** `model_data.h` and `model_data.cc` for `tflite` (the bytes of `graph`, as written or as read). */
export function generateTfliteMicroSource(
  tflite: Uint8Array,
  graph: Graph,
  options: TfliteMicroSourceOptions,
): GeneratedFile[] {
  if (tflite.length === 0) throw new StudioError('deploy-empty-model', 'The .tflite file is empty.');
  const ops = resolverOps(graph);
  const arena = tfliteMicroArenaSize(graph);
  const input = graph.tensors[graph.inputs[0]];
  const output = graph.tensors[graph.outputs[0]];
  const title = commentText(options.title);
  const header = `// model_data.h - ${title}, for TensorFlow Lite Micro.
// Generated by TinyML Studio.
//
${tensorLine('Input', input)}
${tensorLine('Output', output)}
// Ops: ${ops.join(', ')}.
//
// Usage (TFLite Micro's C++ API; on Arduino install the Arduino_TensorFlowLite library first, see README.md):
//
//   #include "model_data.h"
//   #include "tensorflow/lite/micro/micro_interpreter.h"
//   #include "tensorflow/lite/micro/micro_mutable_op_resolver.h"
//   #include "tensorflow/lite/schema/schema_generated.h"
//
//   alignas(16) static uint8_t tensor_arena[kTensorArenaSize];
//
//   const tflite::Model* model = tflite::GetModel(g_model_data);
//   static tflite::MicroMutableOpResolver<kModelOpCount> resolver;
//   AddModelOps(resolver);
//   static tflite::MicroInterpreter interpreter(model, resolver, tensor_arena, kTensorArenaSize);
//   if (interpreter.AllocateTensors() != kTfLiteOk) { /* the arena is too small */ }
//   TfLiteTensor* input = interpreter.input(0);     // fill input->data.${input.dtype === 'int8' ? 'int8' : 'f'}[0 .. kModelInputSize)
//   if (interpreter.Invoke() == kTfLiteOk) {
//     TfLiteTensor* output = interpreter.output(0); // read output->data.${output.dtype === 'int8' ? 'int8' : 'f'}[0 .. kModelOutputSize)
//   }
#ifndef MODEL_DATA_H_
#define MODEL_DATA_H_

// The .tflite file (${tflite.length} bytes), 16-byte aligned as TFLite Micro requires.
extern const unsigned char g_model_data[];
extern const unsigned int g_model_data_len;

// Values of the input and output tensors.
constexpr int kModelInputSize = ${elementCount(input.shape)};
constexpr int kModelOutputSize = ${elementCount(output.shape)};
${standardizationText(graph)}
// The tensor arena. The studio's planner (TFLite Micro's greedy planner and persistent allocations, 32-bit
// Cortex-M, reference or CMSIS-NN kernels) gives ${arena.usedBytes} bytes for interpreter.arena_used_bytes();
// AllocateTensors() needs ${arena.neededBytes} bytes while it plans. kTensorArenaSize adds ${ARENA_MARGIN_BYTES} bytes for other
// TFLite Micro versions; after AllocateTensors(), interpreter.arena_used_bytes() gives the real figure.
constexpr int kModelArenaUsedBytes = ${arena.usedBytes};
constexpr int kTensorArenaSize = ${arena.recommendedBytes};

// The ops the model uses: a tflite::MicroMutableOpResolver<kModelOpCount> with AddModelOps() runs it.
constexpr int kModelOpCount = ${ops.length};

template <typename OpResolver>
void AddModelOps(OpResolver& resolver) {
${ops.map((op) => `  resolver.${RESOLVER_METHODS[op]}();`).join('\n')}
}

#endif  // MODEL_DATA_H_
`;
  const source = `// model_data.cc - ${title}: the .tflite file as a C array.
// Generated by TinyML Studio.
#include "model_data.h"

alignas(16) const unsigned char g_model_data[] = {
${hexBody(tflite)}
};
const unsigned int g_model_data_len = ${tflite.length};
`;
  return [
    { path: 'model_data.h', contents: header },
    { path: 'model_data.cc', contents: source },
  ];
}
