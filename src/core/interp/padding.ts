import type { Padding } from '../ir/graph';

/** TFLite ComputeOutSize (kernels/padding.h); ≤ 0 means the window does not fit. */
export function computeOutSize(
  padding: Padding,
  imageSize: number,
  filterSize: number,
  stride: number,
  dilation: number,
): number {
  const effectiveFilterSize = (filterSize - 1) * dilation + 1;
  return padding === 'SAME'
    ? Math.floor((imageSize + stride - 1) / stride)
    : Math.floor((imageSize + stride - effectiveFilterSize) / stride);
}

/**
 * TFLite ComputePaddingWithOffset: the padding before the first row/column; the odd extra cell of SAME
 * padding goes after the last one, so kernels only need this leading amount.
 */
export function computeLeadingPadding(
  stride: number,
  dilation: number,
  inSize: number,
  filterSize: number,
  outSize: number,
): number {
  const effectiveFilterSize = (filterSize - 1) * dilation + 1;
  const totalPadding = Math.max(0, (outSize - 1) * stride + effectiveFilterSize - inSize);
  return Math.floor(totalPadding / 2);
}
