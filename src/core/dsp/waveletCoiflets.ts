/**
 * Coiflet scaling filters coifK (length 6K), solved from their defining equations (Daubechies, "Orthonormal
 * bases of compactly supported wavelets II", SIAM J. Math. Anal. 24, 1993; "Ten Lectures on Wavelets" §8.2).
 * With g the filter normalised to Σg = 2 and indices n = 0 … 6K−1:
 *   orthonormality   Σₙ gₙ·gₙ₊₂ₘ = 2δₘ          (m = 0 … 3K−1)
 *   wavelet moments  Σₙ (−1)ⁿ·nᵖ·gₙ = 0          (p = 0 … 2K−1)
 *   scaling moments  Σₙ (n − 2K)ᵖ·gₙ = 0         (p = 1 … 2K−1), and Σₙ gₙ = 2.
 * The system has several solutions; Gauss–Newton started from Daubechies' published table (Ten Lectures,
 * Table 8.1, as printed to 12 decimals in Wikipedia's "Coiflet" article; the five smallest taps of coif3 start at
 * 0) converges to the tabulated one, at full double precision.
 */

const PUBLISHED: Record<number, number[]> = {
  1: [-0.102859456942, 0.477859456942, 1.205718913884, 0.544281086116, -0.102859456942, -0.022140543057],
  2: [
    0.023175193479, -0.05864027596, -0.09527918062, 0.54604209307, 1.149364787715, 0.589734387392,
    -0.108171214184, -0.084052960922, 0.033488820325, 0.007935767225, -0.002578406712, -0.001019010797,
  ],
  3: [
    -0.005364837341, 0.011006253418, 0.033167120958, -0.093015528958, -0.08644152712, 0.573006670549,
    1.122570513741, 0.605967143547, -0.10154028151, -0.116392501524, 0.048868188642, 0.022458481925,
    -0.012739202022, 0, 0, 0, 0, 0,
  ],
};

/** Residuals of the defining equations at g, and their Jacobian (one row per equation). */
function equations(g: readonly number[], k: number): { r: number[]; jacobian: number[][] } {
  const n = g.length;
  const r: number[] = [];
  const jacobian: number[][] = [];
  for (let m = 0; m < 3 * k; m++) {
    const row = new Array<number>(n).fill(0);
    let v = m === 0 ? -2 : 0;
    for (let i = 0; i + 2 * m < n; i++) {
      v += g[i] * g[i + 2 * m];
      row[i] += g[i + 2 * m];
      row[i + 2 * m] += g[i];
    }
    r.push(v);
    jacobian.push(row);
  }
  const linear = (weight: (i: number) => number, target = 0) => {
    const row = Array.from({ length: n }, (_, i) => weight(i));
    r.push(row.reduce((s, w, i) => s + w * g[i], -target));
    jacobian.push(row);
  };
  for (let p = 0; p < 2 * k; p++) linear((i) => (i % 2 ? -1 : 1) * i ** p);
  for (let p = 1; p < 2 * k; p++) linear((i) => (i - 2 * k) ** p);
  linear(() => 1, 2);
  return { r, jacobian };
}

/** The least-squares solution x of A·x ≈ b (A with at least as many rows as columns, full rank), by Householder QR. */
function leastSquares(a: number[][], b: number[]): number[] {
  const rows = a.length;
  const cols = a[0].length;
  const m = a.map((row) => [...row]);
  const y = [...b];
  for (let c = 0; c < cols; c++) {
    let norm = 0;
    for (let i = c; i < rows; i++) norm += m[i][c] ** 2;
    norm = Math.sqrt(norm);
    const alpha = m[c][c] > 0 ? -norm : norm;
    const v = Array.from({ length: rows - c }, (_, i) => m[c + i][c]);
    v[0] -= alpha;
    const vv = v.reduce((s, x) => s + x * x, 0);
    if (vv === 0) continue;
    const reflect = (get: (i: number) => number, set: (i: number, x: number) => void) => {
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += v[i] * get(c + i);
      const f = (2 * dot) / vv;
      for (let i = 0; i < v.length; i++) set(c + i, get(c + i) - f * v[i]);
    };
    for (let j = c; j < cols; j++)
      reflect(
        (i) => m[i][j],
        (i, x) => (m[i][j] = x),
      );
    reflect(
      (i) => y[i],
      (i, x) => (y[i] = x),
    );
  }
  const x = new Array<number>(cols).fill(0);
  for (let c = cols - 1; c >= 0; c--) {
    let s = y[c];
    for (let j = c + 1; j < cols; j++) s -= m[c][j] * x[j];
    x[c] = s / m[c][c];
  }
  return x;
}

/** coifK's scaling filter normalised to sum 1 (PyWavelets' table layout: rec_lo = √2·c). */
export function coifletScaling(k: number): number[] {
  let g = [...PUBLISHED[k]];
  // Quadratic convergence reaches the precision floor (≈ 1e-15 relative) within 6 steps from the table;
  // two more do no harm.
  for (let iteration = 0; iteration < 8; iteration++) {
    const { r, jacobian } = equations(g, k);
    const step = leastSquares(
      jacobian,
      r.map((x) => -x),
    );
    g = g.map((x, i) => x + step[i]);
  }
  return g.map((x) => x / 2);
}
