/**
 * Sliding cepstral mean and variance normalisation (DESIGN.md §5, speechpy's cmvnw with variance
 * normalisation): rows are padded by (win − 1)/2 on each side as numpy.pad 'symmetric' (mirror including the
 * edge row, repeated when the padding is longer than the data); each row minus the mean of its window; then
 * each result divided by (population std of the padded mean-subtracted rows in its window + 1e-10).
 * Window sums slide (add the entering row, subtract the leaving one), so the cost does not grow with win.
 */

/** Source row of padded row p (p may be negative or ≥ rows): numpy 'symmetric' padding, periodic in 2·rows. */
export function symmetricRow(p: number, rows: number): number {
  const period = 2 * rows;
  const m = ((p % period) + period) % period;
  return m < rows ? m : period - 1 - m;
}

export class SlidingCmvn {
  readonly rows: number;
  readonly cols: number;
  readonly win: number;
  /** Source row of each of the rows + win − 1 padded rows. */
  private readonly source: Int32Array;
  private readonly centred: Float64Array;

  constructor(rows: number, cols: number, win: number) {
    this.rows = rows;
    this.cols = cols;
    this.win = win;
    const pad = (win - 1) / 2;
    this.source = Int32Array.from({ length: rows + win - 1 }, (_, p) => symmetricRow(p - pad, rows));
    this.centred = new Float64Array(rows * cols);
  }

  /**
   * Normalises the row-major rows × cols matrix `x` into `out`. Columns run four at a time: each column's sums
   * still add their terms in the order of the padded rows, but four independent sums keep the floating-point
   * adder busy instead of waiting on one sum's previous addition (as applyDctRows in dct.ts).
   */
  apply(x: Float64Array, out: Float32Array): void {
    let c = 0;
    for (; c + 4 <= this.cols; c += 4) this.fourColumns(x, out, c);
    for (; c < this.cols; c++) this.column(x, out, c);
  }

  private column(x: Float64Array, out: Float32Array, c: number): void {
    const { rows, cols, win, source, centred } = this;
    let sum = 0;
    for (let w = 0; w < win; w++) sum += x[source[w] * cols + c];
    for (let r = 0; r < rows; r++) {
      centred[r * cols + c] = x[r * cols + c] - sum / win;
      if (r + 1 < rows) sum += x[source[r + win] * cols + c] - x[source[r] * cols + c];
    }
    sum = 0;
    let squares = 0;
    for (let w = 0; w < win; w++) {
      const v = centred[source[w] * cols + c];
      sum += v;
      squares += v * v;
    }
    for (let r = 0; r < rows; r++) {
      out[r * cols + c] = centred[r * cols + c] / (windowStd(sum, squares, win) + 1e-10);
      if (r + 1 < rows) {
        const enter = centred[source[r + win] * cols + c];
        const leave = centred[source[r] * cols + c];
        sum += enter - leave;
        squares += enter * enter - leave * leave;
      }
    }
  }

  /** `column` for columns c … c + 3 side by side. */
  private fourColumns(x: Float64Array, out: Float32Array, c: number): void {
    const { rows, cols, win, source, centred } = this;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let w = 0; w < win; w++) {
      const i = source[w] * cols + c;
      s0 += x[i];
      s1 += x[i + 1];
      s2 += x[i + 2];
      s3 += x[i + 3];
    }
    for (let r = 0; r < rows; r++) {
      const i = r * cols + c;
      centred[i] = x[i] - s0 / win;
      centred[i + 1] = x[i + 1] - s1 / win;
      centred[i + 2] = x[i + 2] - s2 / win;
      centred[i + 3] = x[i + 3] - s3 / win;
      if (r + 1 < rows) {
        const e = source[r + win] * cols + c;
        const l = source[r] * cols + c;
        s0 += x[e] - x[l];
        s1 += x[e + 1] - x[l + 1];
        s2 += x[e + 2] - x[l + 2];
        s3 += x[e + 3] - x[l + 3];
      }
    }
    s0 = 0;
    s1 = 0;
    s2 = 0;
    s3 = 0;
    let q0 = 0;
    let q1 = 0;
    let q2 = 0;
    let q3 = 0;
    for (let w = 0; w < win; w++) {
      const i = source[w] * cols + c;
      const v0 = centred[i];
      const v1 = centred[i + 1];
      const v2 = centred[i + 2];
      const v3 = centred[i + 3];
      s0 += v0;
      q0 += v0 * v0;
      s1 += v1;
      q1 += v1 * v1;
      s2 += v2;
      q2 += v2 * v2;
      s3 += v3;
      q3 += v3 * v3;
    }
    for (let r = 0; r < rows; r++) {
      const i = r * cols + c;
      out[i] = centred[i] / (windowStd(s0, q0, win) + 1e-10);
      out[i + 1] = centred[i + 1] / (windowStd(s1, q1, win) + 1e-10);
      out[i + 2] = centred[i + 2] / (windowStd(s2, q2, win) + 1e-10);
      out[i + 3] = centred[i + 3] / (windowStd(s3, q3, win) + 1e-10);
      if (r + 1 < rows) {
        const e = source[r + win] * cols + c;
        const l = source[r] * cols + c;
        const e0 = centred[e];
        const l0 = centred[l];
        const e1 = centred[e + 1];
        const l1 = centred[l + 1];
        const e2 = centred[e + 2];
        const l2 = centred[l + 2];
        const e3 = centred[e + 3];
        const l3 = centred[l + 3];
        s0 += e0 - l0;
        q0 += e0 * e0 - l0 * l0;
        s1 += e1 - l1;
        q1 += e1 * e1 - l1 * l1;
        s2 += e2 - l2;
        q2 += e2 * e2 - l2 * l2;
        s3 += e3 - l3;
        q3 += e3 * e3 - l3 * l3;
      }
    }
  }
}

/** Population std of a window of `win` values from their sum and sum of squares; 0 when rounding makes it ≤ 0. */
function windowStd(sum: number, squares: number, win: number): number {
  const mean = sum / win;
  const variance = squares / win - mean * mean;
  return variance > 0 ? Math.sqrt(variance) : 0;
}
