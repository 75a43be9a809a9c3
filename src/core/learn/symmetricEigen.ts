/**
 * Eigen-decomposition of a small dense symmetric matrix by cyclic Jacobi rotations: slow for big matrices
 * (O(m³) per sweep) but simple, accurate to rounding and deterministic. PCA uses it on its m × m
 * Rayleigh–Ritz matrix, with m at most a few dozen.
 */

export interface SymmetricEigen {
  /** Descending. */
  values: Float64Array;
  /** Row-major m × m; column c is the unit eigenvector of values[c]. */
  vectors: Float64Array;
}

const MAX_SWEEPS = 100;

/** `matrix` is row-major m × m and symmetric (only its upper triangle is read); it is not modified. */
export function symmetricEigen(matrix: ArrayLike<number>, m: number): SymmetricEigen {
  const a = new Float64Array(m * m);
  for (let r = 0; r < m; r++) {
    for (let c = r; c < m; c++) {
      a[r * m + c] = matrix[r * m + c];
      a[c * m + r] = matrix[r * m + c];
    }
  }
  const v = new Float64Array(m * m);
  for (let r = 0; r < m; r++) v[r * m + r] = 1;

  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    let diag = 0;
    for (let r = 0; r < m; r++) {
      diag += a[r * m + r] ** 2;
      for (let c = r + 1; c < m; c++) off += a[r * m + c] ** 2;
    }
    if (off <= 1e-26 * diag || off === 0) break;
    for (let p = 0; p < m - 1; p++) {
      for (let q = p + 1; q < m; q++) rotate(a, v, m, p, q);
    }
  }

  const order = Array.from({ length: m }, (_, i) => i).sort((x, y) => a[y * m + y] - a[x * m + x] || x - y);
  const values = new Float64Array(m);
  const vectors = new Float64Array(m * m);
  order.forEach((from, to) => {
    values[to] = a[from * m + from];
    for (let r = 0; r < m; r++) vectors[r * m + to] = v[r * m + from];
  });
  return { values, vectors };
}

/** One Jacobi rotation that zeroes a[p][q] (Golub & Van Loan, Algorithm 8.5.1). */
function rotate(a: Float64Array, v: Float64Array, m: number, p: number, q: number): void {
  const apq = a[p * m + q];
  if (apq === 0) return;
  const theta = (a[q * m + q] - a[p * m + p]) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < m; k++) {
    const akp = a[k * m + p];
    const akq = a[k * m + q];
    a[k * m + p] = c * akp - s * akq;
    a[k * m + q] = s * akp + c * akq;
  }
  for (let k = 0; k < m; k++) {
    const apk = a[p * m + k];
    const aqk = a[q * m + k];
    a[p * m + k] = c * apk - s * aqk;
    a[q * m + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < m; k++) {
    const vkp = v[k * m + p];
    const vkq = v[k * m + q];
    v[k * m + p] = c * vkp - s * vkq;
    v[k * m + q] = s * vkp + c * vkq;
  }
}
