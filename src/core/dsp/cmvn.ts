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

  /** Normalises the row-major rows × cols matrix `x` into `out`. */
  apply(x: Float64Array, out: Float32Array): void {
    const { rows, cols, win, source, centred } = this;
    for (let c = 0; c < cols; c++) {
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
        const mean = sum / win;
        const variance = squares / win - mean * mean;
        const std = variance > 0 ? Math.sqrt(variance) : 0;
        out[r * cols + c] = centred[r * cols + c] / (std + 1e-10);
        if (r + 1 < rows) {
          const enter = centred[source[r + win] * cols + c];
          const leave = centred[source[r] * cols + c];
          sum += enter - leave;
          squares += enter * enter - leave * leave;
        }
      }
    }
  }
}
