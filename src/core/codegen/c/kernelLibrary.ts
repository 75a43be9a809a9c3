import type { OpKind } from '../../ir/graph';
import { ADD_KERNELS } from './addKernels';
import { CONVOLUTION_KERNELS } from './convolutionKernels';
import { FIXED_POINT_HEADER } from './fixedPointHeader';
import { FULLY_CONNECTED_KERNELS } from './fullyConnectedKernels';
import { INT8_DOT_HEADER } from './int8DotHeader';
import type { GeneratedFile } from './generatedFile';
import { KERNELS_HEADER } from './kernelsHeader';
import { MEAN_KERNELS } from './meanKernels';
import { POOLING_KERNELS } from './poolingKernels';
import { QUANTIZE_KERNELS } from './quantizeKernels';
import { SOFTMAX_KERNELS } from './softmaxKernels';

/** The kernel sources, each with the op kinds it implements. */
const KERNEL_SOURCES: { path: string; contents: string; kinds: readonly OpKind[] }[] = [
  { path: 'tml_convolution.c', contents: CONVOLUTION_KERNELS, kinds: ['CONV_2D', 'DEPTHWISE_CONV_2D'] },
  { path: 'tml_fully_connected.c', contents: FULLY_CONNECTED_KERNELS, kinds: ['FULLY_CONNECTED'] },
  { path: 'tml_pooling.c', contents: POOLING_KERNELS, kinds: ['MAX_POOL_2D', 'AVERAGE_POOL_2D'] },
  { path: 'tml_softmax.c', contents: SOFTMAX_KERNELS, kinds: ['SOFTMAX'] },
  { path: 'tml_add.c', contents: ADD_KERNELS, kinds: ['ADD'] },
  { path: 'tml_mean.c', contents: MEAN_KERNELS, kinds: ['MEAN'] },
  { path: 'tml_quantize.c', contents: QUANTIZE_KERNELS, kinds: ['QUANTIZE', 'DEQUANTIZE'] },
];

/**
 * The C kernel library: the headers, and the kernel sources that implement `kinds` (every source when
 * `kinds` is omitted). RESHAPE needs no code: it only renames a buffer.
 */
export function kernelLibraryFiles(kinds?: ReadonlySet<OpKind>): GeneratedFile[] {
  const sources = KERNEL_SOURCES.filter(
    (source) => kinds === undefined || source.kinds.some((kind) => kinds.has(kind)),
  );
  return [
    { path: 'tml_fixed_point.h', contents: FIXED_POINT_HEADER },
    { path: 'tml_int8_dot.h', contents: INT8_DOT_HEADER },
    { path: 'tml_kernels.h', contents: KERNELS_HEADER },
    ...sources.map(({ path, contents }) => ({ path, contents })),
  ];
}
