/**
 * Straightforward real-valued (double) versions of the ops, written independently of the interpreter's
 * kernels, for its tests: padding is materialised, loops follow the definitions, no fixed point.
 */
import type { Padding } from '../ir/graph';

export interface Conv2DParams {
  padding: Padding;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
}

/** Output size and leading padding along one axis (TensorFlow's SAME/VALID rule). */
export function outputSizeAndPadding(
  padding: Padding,
  size: number,
  filter: number,
  stride: number,
  dilation: number,
): { out: number; before: number } {
  const span = (filter - 1) * dilation + 1;
  if (padding === 'VALID') return { out: Math.ceil((size - span + 1) / stride), before: 0 };
  const out = Math.ceil(size / stride);
  return { out, before: Math.floor(Math.max(0, (out - 1) * stride + span - size) / 2) };
}

/** input NHWC [N,H,W,C] at (n, y, x, c), or 0 outside the image. */
function at(input: ArrayLike<number>, shape: number[], n: number, y: number, x: number, c: number): number {
  const [, h, w, depth] = shape;
  if (y < 0 || y >= h || x < 0 || x >= w) return 0;
  return input[((n * h + y) * w + x) * depth + c];
}

/** Grouped conv: filter [O, KH, KW, I], groups = C / I. */
export function referenceConv2D(
  input: ArrayLike<number>,
  inShape: number[],
  filter: ArrayLike<number>,
  filterShape: number[],
  bias: ArrayLike<number> | null,
  p: Conv2DParams,
): { output: number[]; shape: number[] } {
  const [n, h, w, c] = inShape;
  const [o, kh, kw, ki] = filterShape;
  const perGroup = o / (c / ki);
  const rows = outputSizeAndPadding(p.padding, h, kh, p.strideH, p.dilationH);
  const cols = outputSizeAndPadding(p.padding, w, kw, p.strideW, p.dilationW);
  const output: number[] = [];
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < rows.out; oy++) {
      for (let ox = 0; ox < cols.out; ox++) {
        for (let oc = 0; oc < o; oc++) {
          const group = Math.floor(oc / perGroup);
          let sum = bias === null ? 0 : bias[oc];
          for (let fy = 0; fy < kh; fy++) {
            for (let fx = 0; fx < kw; fx++) {
              for (let ic = 0; ic < ki; ic++) {
                const y = oy * p.strideH - rows.before + fy * p.dilationH;
                const x = ox * p.strideW - cols.before + fx * p.dilationW;
                sum +=
                  at(input, inShape, b, y, x, group * ki + ic) * filter[((oc * kh + fy) * kw + fx) * ki + ic];
              }
            }
          }
          output.push(sum);
        }
      }
    }
  }
  return { output, shape: [n, rows.out, cols.out, o] };
}

/** Depthwise conv: filter [1, KH, KW, C·M], output channel c·M + m reads input channel c. */
export function referenceDepthwiseConv2D(
  input: ArrayLike<number>,
  inShape: number[],
  filter: ArrayLike<number>,
  filterShape: number[],
  bias: ArrayLike<number> | null,
  multiplier: number,
  p: Conv2DParams,
): { output: number[]; shape: number[] } {
  const [n, h, w, c] = inShape;
  const [, kh, kw, o] = filterShape;
  const rows = outputSizeAndPadding(p.padding, h, kh, p.strideH, p.dilationH);
  const cols = outputSizeAndPadding(p.padding, w, kw, p.strideW, p.dilationW);
  const output = new Array<number>(n * rows.out * cols.out * o).fill(0);
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < rows.out; oy++) {
      for (let ox = 0; ox < cols.out; ox++) {
        for (let ic = 0; ic < c; ic++) {
          for (let m = 0; m < multiplier; m++) {
            const oc = ic * multiplier + m;
            let sum = bias === null ? 0 : bias[oc];
            for (let fy = 0; fy < kh; fy++) {
              for (let fx = 0; fx < kw; fx++) {
                const y = oy * p.strideH - rows.before + fy * p.dilationH;
                const x = ox * p.strideW - cols.before + fx * p.dilationW;
                sum += at(input, inShape, b, y, x, ic) * filter[(fy * kw + fx) * o + oc];
              }
            }
            output[((b * rows.out + oy) * cols.out + ox) * o + oc] = sum;
          }
        }
      }
    }
  }
  return { output, shape: [n, rows.out, cols.out, o] };
}

/** Max or average over the in-image cells of each window (padding cells are ignored). */
export function referencePool2D(
  input: ArrayLike<number>,
  inShape: number[],
  kind: 'max' | 'average',
  filterH: number,
  filterW: number,
  p: Omit<Conv2DParams, 'dilationH' | 'dilationW'>,
): { output: number[]; shape: number[] } {
  const [n, h, w, c] = inShape;
  const rows = outputSizeAndPadding(p.padding, h, filterH, p.strideH, 1);
  const cols = outputSizeAndPadding(p.padding, w, filterW, p.strideW, 1);
  const output: number[] = [];
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < rows.out; oy++) {
      for (let ox = 0; ox < cols.out; ox++) {
        for (let ch = 0; ch < c; ch++) {
          const cells: number[] = [];
          for (let fy = 0; fy < filterH; fy++) {
            for (let fx = 0; fx < filterW; fx++) {
              const y = oy * p.strideH - rows.before + fy;
              const x = ox * p.strideW - cols.before + fx;
              if (y >= 0 && y < h && x >= 0 && x < w) cells.push(input[((b * h + y) * w + x) * c + ch]);
            }
          }
          output.push(kind === 'max' ? Math.max(...cells) : cells.reduce((s, v) => s + v, 0) / cells.length);
        }
      }
    }
  }
  return { output, shape: [n, rows.out, cols.out, c] };
}

export function referenceFullyConnected(
  input: ArrayLike<number>,
  batches: number,
  weights: ArrayLike<number>,
  outputs: number,
  bias: ArrayLike<number> | null,
): number[] {
  const depth = input.length / batches;
  const result: number[] = [];
  for (let b = 0; b < batches; b++) {
    for (let o = 0; o < outputs; o++) {
      let sum = bias === null ? 0 : bias[o];
      for (let d = 0; d < depth; d++) sum += input[b * depth + d] * weights[o * depth + d];
      result.push(sum);
    }
  }
  return result;
}

/** Softmax over the last dimension of rows × depth values. */
export function referenceSoftmax(input: ArrayLike<number>, depth: number, beta: number): number[] {
  const result: number[] = [];
  for (let start = 0; start < input.length; start += depth) {
    const row = Array.from({ length: depth }, (_, i) => input[start + i]);
    const max = Math.max(...row);
    const exps = row.map((v) => Math.exp((v - max) * beta));
    const sum = exps.reduce((s, v) => s + v, 0);
    result.push(...exps.map((e) => e / sum));
  }
  return result;
}

/** Row-major index → coordinates → broadcast read, the textbook way. */
export function referenceBroadcastAdd(
  a: ArrayLike<number>,
  aShape: number[],
  b: ArrayLike<number>,
  bShape: number[],
  outShape: number[],
): number[] {
  const count = outShape.reduce((x, y) => x * y, 1);
  const read = (data: ArrayLike<number>, shape: number[], coords: number[]) => {
    const offset = coords.length - shape.length;
    let index = 0;
    shape.forEach((d, i) => (index = index * d + (d === 1 ? 0 : coords[offset + i])));
    return data[index];
  };
  const result: number[] = [];
  for (let i = 0; i < count; i++) {
    const coords: number[] = [];
    let rest = i;
    for (let d = outShape.length - 1; d >= 0; d--) {
      coords.unshift(rest % outShape[d]);
      rest = Math.floor(rest / outShape[d]);
    }
    result.push(read(a, aShape, coords) + read(b, bShape, coords));
  }
  return result;
}

/** Mean over `axes` (non-negative), output in row-major order of the kept dimensions. */
export function referenceMean(input: ArrayLike<number>, shape: number[], axes: number[]): number[] {
  const kept = shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const sums = new Array<number>(kept.reduce((x, y) => x * y, 1)).fill(0);
  const counts = new Array<number>(sums.length).fill(0);
  for (let i = 0; i < input.length; i++) {
    let rest = i;
    let target = 0;
    let stride = 1;
    for (let d = shape.length - 1; d >= 0; d--) {
      const coord = rest % shape[d];
      rest = Math.floor(rest / shape[d]);
      if (!axes.includes(d)) {
        target += coord * stride;
        stride *= shape[d];
      }
    }
    sums[target] += input[i];
    counts[target] += 1;
  }
  return sums.map((s, i) => s / counts[i]);
}
