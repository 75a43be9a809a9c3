import type { Padding } from '../../ir/graph';
import type { OpContext } from '../opContext';
import { computeLeadingPadding, computeOutSize } from '../padding';

/** Spatial geometry shared by conv, depthwise conv and pooling over NHWC tensors. */
export interface WindowGeometry {
  batches: number;
  inHeight: number;
  inWidth: number;
  outHeight: number;
  outWidth: number;
  filterHeight: number;
  filterWidth: number;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  padTop: number;
  padLeft: number;
}

export interface WindowParams {
  padding: Padding;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  filterHeight: number;
  filterWidth: number;
}

/**
 * Checks the op's window parameters and that the output's spatial size is what TFLite's ComputeOutSize
 * gives, and returns the geometry with TFLite's leading padding.
 */
export function windowGeometry(
  ctx: OpContext,
  input: number,
  output: number,
  params: WindowParams,
): WindowGeometry {
  const inShape = ctx.expectRank(input, 'input', 4);
  const outShape = ctx.expectRank(output, 'output', 4);
  for (const [name, value] of [
    ['strideH', params.strideH],
    ['strideW', params.strideW],
    ['dilationH', params.dilationH],
    ['dilationW', params.dilationW],
    ['filter height', params.filterHeight],
    ['filter width', params.filterWidth],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      ctx.fail('interp-invalid-graph', `${name} must be a positive integer.`);
    }
  }
  if (params.padding !== 'SAME' && params.padding !== 'VALID') {
    ctx.fail('interp-invalid-graph', `padding must be SAME or VALID.`);
  }
  const [batches, inHeight, inWidth] = inShape;
  const outHeight = computeOutSize(
    params.padding,
    inHeight,
    params.filterHeight,
    params.strideH,
    params.dilationH,
  );
  const outWidth = computeOutSize(
    params.padding,
    inWidth,
    params.filterWidth,
    params.strideW,
    params.dilationW,
  );
  if (outHeight < 1 || outWidth < 1) {
    ctx.shapeMismatch(
      `the ${params.filterHeight}×${params.filterWidth} window does not fit the ${inHeight}×${inWidth} input.`,
    );
  }
  if (outShape[0] !== batches || outShape[1] !== outHeight || outShape[2] !== outWidth) {
    ctx.shapeMismatch(
      `the output has shape [${outShape.join(', ')}]; ${params.padding} padding gives [${batches}, ${outHeight}, ${outWidth}, …].`,
    );
  }
  return {
    batches,
    inHeight,
    inWidth,
    outHeight,
    outWidth,
    filterHeight: params.filterHeight,
    filterWidth: params.filterWidth,
    strideH: params.strideH,
    strideW: params.strideW,
    dilationH: params.dilationH,
    dilationW: params.dilationW,
    padTop: computeLeadingPadding(params.strideH, params.dilationH, inHeight, params.filterHeight, outHeight),
    padLeft: computeLeadingPadding(params.strideW, params.dilationW, inWidth, params.filterWidth, outWidth),
  };
}

/** First filter tap k whose position origin + dilation·k is inside the input (≥ 0). */
export function tapStart(origin: number, dilation: number): number {
  return origin >= 0 ? 0 : Math.ceil(-origin / dilation);
}

/** One past the last filter tap k whose position origin + dilation·k is below `size`. */
export function tapEnd(origin: number, dilation: number, size: number, taps: number): number {
  return Math.min(taps, Math.ceil((size - origin) / dilation));
}
