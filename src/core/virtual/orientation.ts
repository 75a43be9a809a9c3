/**
 * Rotations of the virtual board. Angles (rad) turn the board about its X, then Y, then Z axis; the matrix
 * R = Rz·Ry·Rx maps board coordinates to the user's frame (X right, Y forward, Z up), so a vector v given in
 * the user's frame reads Rᵀv on the board's sensors. Matrices are row-major Float64Array(9).
 */
export type Matrix3 = Float64Array;

export function rotationMatrix(
  rx: number,
  ry: number,
  rz: number,
  out: Matrix3 = new Float64Array(9),
): Matrix3 {
  const cx = Math.cos(rx);
  const sx = Math.sin(rx);
  const cy = Math.cos(ry);
  const sy = Math.sin(ry);
  const cz = Math.cos(rz);
  const sz = Math.sin(rz);
  out[0] = cz * cy;
  out[1] = cz * sy * sx - sz * cx;
  out[2] = cz * sy * cx + sz * sx;
  out[3] = sz * cy;
  out[4] = sz * sy * sx + cz * cx;
  out[5] = sz * sy * cx - cz * sx;
  out[6] = -sy;
  out[7] = cy * sx;
  out[8] = cy * cx;
  return out;
}

/** Rᵀ·(x, y, z): a user-frame vector as the board's sensors see it, written to out[offset…offset+2]. */
export function toBoard(
  r: Matrix3,
  x: number,
  y: number,
  z: number,
  out: Float32Array,
  offset: number,
): void {
  out[offset] = r[0] * x + r[3] * y + r[6] * z;
  out[offset + 1] = r[1] * x + r[4] * y + r[7] * z;
  out[offset + 2] = r[2] * x + r[5] * y + r[8] * z;
}

/**
 * The angular velocity (deg/s, board axes) that turns orientation `prev` into `cur` in `dtS` seconds: what a
 * gyroscope measures. From the skew-symmetric part of prevᵀ·cur, exact to first order in the step.
 */
export function bodyRateDps(
  prev: Matrix3,
  cur: Matrix3,
  dtS: number,
  out: Float32Array,
  offset: number,
): void {
  // m(i, j) = (prevᵀ·cur)[i][j] = Σk prev[k][i]·cur[k][j]
  const m = (i: number, j: number) => prev[i] * cur[j] + prev[3 + i] * cur[3 + j] + prev[6 + i] * cur[6 + j];
  const k = 180 / Math.PI / (2 * dtS);
  out[offset] = (m(2, 1) - m(1, 2)) * k;
  out[offset + 1] = (m(0, 2) - m(2, 0)) * k;
  out[offset + 2] = (m(1, 0) - m(0, 1)) * k;
}
