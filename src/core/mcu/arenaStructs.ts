/**
 * sizeof and alignof of every struct TensorFlow Lite Micro (90b983c, built with TF_LITE_STATIC_MEMORY) puts in
 * the persistent tail of its arena, for two ABIs. They were read from the compilers, not counted by hand:
 * - `cortexM32`: arm-none-eabi-g++ 12.2 -mcpu=cortex-m4 (AAPCS, 4-byte pointers; enums are as small as their
 *   values, the toolchain's default, which is why TfLiteFullyConnectedParams is 5 bytes here and 16 on the host);
 * - `host64`: g++ 12 on x86-64 (LP64), the build of ../shared/testdata/tflite/tflm_arena.json.
 * The CMSIS-NN kernels' OpData structs live in anonymous namespaces; their sizes are those of copies of their
 * fields compiled the same way.
 */

export interface StructLayout {
  size: number;
  align: number;
}

export type TailStruct =
  // allocator and planner objects (micro_allocator.cc MicroAllocator::Create, StartModelAllocation)
  | 'SingleArenaBufferAllocator'
  | 'GreedyMemoryPlanner'
  | 'MicroAllocator'
  | 'MicroBuiltinDataAllocator'
  | 'SubgraphAllocations'
  // per tensor, per op, per I/O tensor, per scratch buffer
  | 'TfLiteEvalTensor'
  | 'NodeAndRegistration'
  | 'TfLiteTensor'
  | 'TfLiteAffineQuantization'
  | 'ScratchBufferHandle'
  | 'pointer'
  // builtin options parsed from the flatbuffer (core/api/flatbuffer_conversions.cc)
  | 'TfLiteConvParams'
  | 'TfLiteDepthwiseConvParams'
  | 'TfLiteFullyConnectedParams'
  | 'TfLitePoolParams'
  | 'TfLiteReshapeParams'
  | 'TfLiteSoftmaxParams'
  | 'TfLiteAddParams'
  | 'TfLiteReducerParams'
  // the reference kernels' op data (each kernel's Init)
  | 'OpDataConv'
  | 'OpDataFullyConnected'
  | 'OpDataPooling'
  | 'SoftmaxParams'
  | 'OpDataQuantizeReference'
  | 'DequantizeOpData'
  | 'OpDataAdd'
  | 'OpDataReduce'
  // the CMSIS-NN kernels' op data (tensorflow/lite/micro/kernels/cmsis_nn/*.cc, each its own `OpData`)
  | 'CmsisNnConvOpData'
  | 'CmsisNnFullyConnectedOpData'
  | 'CmsisNnPoolingOpData'
  | 'CmsisNnSoftmaxParams'
  | 'CmsisNnAddOpData';

export interface TailAbi {
  name: string;
  pointerBytes: 4 | 8;
  structs: Record<TailStruct, StructLayout>;
}

const s = (size: number, align: number): StructLayout => ({ size, align });

export const CORTEX_M_32: TailAbi = {
  name: '32-bit Cortex-M (arm-none-eabi-gcc)',
  pointerBytes: 4,
  structs: {
    SingleArenaBufferAllocator: s(36, 4),
    GreedyMemoryPlanner: s(44, 4),
    MicroAllocator: s(36, 4),
    MicroBuiltinDataAllocator: s(8, 4),
    SubgraphAllocations: s(8, 4),
    TfLiteEvalTensor: s(12, 4),
    NodeAndRegistration: s(32, 4),
    TfLiteTensor: s(32, 4),
    TfLiteAffineQuantization: s(12, 4),
    ScratchBufferHandle: s(4, 4),
    pointer: s(4, 4),
    TfLiteConvParams: s(28, 4),
    TfLiteDepthwiseConvParams: s(28, 4),
    TfLiteFullyConnectedParams: s(5, 1),
    TfLitePoolParams: s(40, 4),
    TfLiteReshapeParams: s(36, 4),
    TfLiteSoftmaxParams: s(4, 4),
    TfLiteAddParams: s(2, 1),
    TfLiteReducerParams: s(1, 1),
    OpDataConv: s(56, 4),
    OpDataFullyConnected: s(48, 4),
    OpDataPooling: s(32, 4),
    SoftmaxParams: s(56, 8),
    OpDataQuantizeReference: s(32, 8),
    DequantizeOpData: s(32, 8),
    OpDataAdd: s(60, 4),
    OpDataReduce: s(44, 4),
    CmsisNnConvOpData: s(60, 4),
    CmsisNnFullyConnectedOpData: s(72, 4),
    CmsisNnPoolingOpData: s(36, 4),
    CmsisNnSoftmaxParams: s(64, 8),
    CmsisNnAddOpData: s(60, 4),
  },
};

export const HOST_64: TailAbi = {
  name: '64-bit host (x86-64)',
  pointerBytes: 8,
  structs: {
    SingleArenaBufferAllocator: s(72, 8),
    GreedyMemoryPlanner: s(72, 8),
    MicroAllocator: s(72, 8),
    MicroBuiltinDataAllocator: s(16, 8),
    SubgraphAllocations: s(16, 8),
    TfLiteEvalTensor: s(24, 8),
    NodeAndRegistration: s(64, 8),
    TfLiteTensor: s(64, 8),
    TfLiteAffineQuantization: s(24, 8),
    ScratchBufferHandle: s(8, 8),
    pointer: s(8, 8),
    TfLiteConvParams: s(28, 4),
    TfLiteDepthwiseConvParams: s(28, 4),
    TfLiteFullyConnectedParams: s(16, 4),
    TfLitePoolParams: s(40, 4),
    TfLiteReshapeParams: s(36, 4),
    TfLiteSoftmaxParams: s(4, 4),
    TfLiteAddParams: s(8, 4),
    TfLiteReducerParams: s(1, 1),
    OpDataConv: s(72, 8),
    OpDataFullyConnected: s(64, 8),
    OpDataPooling: s(32, 4),
    SoftmaxParams: s(80, 8),
    OpDataQuantizeReference: s(32, 8),
    DequantizeOpData: s(32, 8),
    OpDataAdd: s(60, 4),
    OpDataReduce: s(44, 4),
    CmsisNnConvOpData: s(80, 8),
    CmsisNnFullyConnectedOpData: s(96, 8),
    CmsisNnPoolingOpData: s(36, 4),
    CmsisNnSoftmaxParams: s(88, 8),
    CmsisNnAddOpData: s(60, 4),
  },
};
