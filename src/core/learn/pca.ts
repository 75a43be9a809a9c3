import { Random } from '../virtual/random';
import { addScaled, dot } from './denseKernels';
import { featureScaling, throwIfCancelled, type FeatureScaling } from './featureMatrix';
import { symmetricEigen } from './symmetricEigen';

/**
 * Principal component analysis of a feature matrix, for the feature explorer.
 *
 * Every feature is standardised (zero mean, unit population variance; constant features are dropped), and
 * the leading eigenvectors of the correlation matrix C = ZᵀZ / n are found by block subspace iteration with
 * Rayleigh–Ritz. C is never formed: each iteration applies it implicitly as Zᵀ(Z V), one pass over the rows
 * (2·n·f·b multiply-adds for f varying features and a block of b vectors), and the standardisation is folded
 * into the products, so the rows are read as they are and never copied. For 20,000 × 4,000 features that is
 * about two seconds per iteration in Node, instead of the 3·10¹¹ multiply-adds of forming C.
 *
 * The block holds a few more vectors than wanted: the error then shrinks each iteration by λ(b+1)/λ(k)
 * rather than λ(k+1)/λ(k), which matters when the second and third components are close.
 *
 * When many leading eigenvalues are nearly equal (features that are mostly independent noise), the
 * iteration pins the components down only slowly, and they barely mean anything: any directions in that
 * cluster show about as much variance. The iteration then stops as "stalled" once the variance still to be gained,
 * extrapolated from the last gains, is below `stallTolerance` of what the components already capture.
 */

export interface PcaOptions {
  /**
   * Convergence: every wanted component's residual ‖C·v − λ·v‖ must be at most `tolerance` × λ₁ (the
   * largest eigenvalue). Default 1e-6, far below a pixel of any plot.
   */
  tolerance?: number;
  /**
   * Stop early when convergence is slow and the wanted components' variance is within this fraction of
   * its limit (see the file comment). Default 0.005; 0 never stops early.
   */
  stallTolerance?: number;
  /** Stop after this many iterations even if not converged (the result is then flagged). Default 300. */
  maxIterations?: number;
  /** Checked between rows: an abort throws a StudioError ('projection-cancelled'). */
  signal?: AbortSignal;
  /** Fraction done, 0…1, non-decreasing; called once per iteration and with 1 at the end. */
  onProgress?: (fraction: number) => void;
}

export interface PrincipalComponents {
  /** Components asked for: `scores` has this many columns even when fewer features vary. */
  count: number;
  /** Row-major windows × count: the standardised windows projected on each component. */
  scores: Float32Array;
  /** Unit loading vectors over all features (0 for dropped constant ones); largest-magnitude loading > 0. */
  components: Float64Array[];
  /** Variance along each component (eigenvalues of C), descending. */
  variances: Float64Array;
  /** variances / total variance (the number of varying features, each of unit variance). */
  explainedRatio: Float64Array;
  /** Features that vary (the others were dropped). */
  keptFeatures: number;
  iterations: number;
  /**
   * Why the iteration ended: 'converged' (within `tolerance`), 'stalled' (leading eigenvalues too close to
   * separate the components cheaply) or 'iteration-limit'.
   */
  stop: PcaStop;
}

export type PcaStop = 'converged' | 'stalled' | 'iteration-limit';

export interface Pca2Result {
  /** Interleaved x0, y0, x1, y1…: the scores on the first two components. */
  points: Float32Array;
  /** Fraction of the total variance along each of the two components. */
  explainedVariance: [number, number];
  keptFeatures: number;
  iterations: number;
  stop: PcaStop;
}

/** The seed of the start block: a fixed one, so the same rows always give the same components. */
const START_SEED = 0x5eed;

/** The first two principal components of `rows` (at least 2 windows). */
export function pca2(rows: readonly Float32Array[], options: PcaOptions = {}): Pca2Result {
  const pc = principalComponents(rows, 2, options);
  return {
    points: pc.scores,
    explainedVariance: [pc.explainedRatio[0], pc.explainedRatio[1]],
    keptFeatures: pc.keptFeatures,
    iterations: pc.iterations,
    stop: pc.stop,
  };
}

/** The leading `count` principal components of `rows`; see the file comment for the method. */
export function principalComponents(
  rows: readonly Float32Array[],
  count: number,
  options: PcaOptions = {},
): PrincipalComponents {
  const { tolerance = 1e-6, stallTolerance = 0.005, maxIterations = 300, signal, onProgress } = options;
  throwIfCancelled(signal);
  const scaling = featureScaling(rows, 2);
  const f = scaling.kept.length;
  const n = scaling.rows;
  // The centred data has rank ≤ min(f, n − 1); a wider block than f or n cannot hold more directions.
  const b = Math.min(f, n, count + Math.max(6, Math.ceil(count / 5)));
  const found = Math.min(count, b);
  const random = new Random(START_SEED);

  let block: Float64Array = new Float64Array(f * b);
  for (let i = 0; i < block.length; i++) block[i] = random.gaussian();
  orthonormalise(block, f, b, random);

  const rowProducts = new Float64Array(n * b);
  const image = new Float64Array(f * b);
  const progress = new ConvergenceProgress(tolerance, maxIterations, onProgress);
  const stall = new StallDetector(stallTolerance);
  for (let iteration = 1; ; iteration++) {
    applyCorrelation(rows, scaling, block, b, rowProducts, image, signal);
    const ritz = rayleighRitz(block, image, f, b, found);
    const captured = ritz.values.subarray(0, found).reduce((sum, v) => sum + v, 0);
    const stop: PcaStop | null =
      ritz.residual <= tolerance * ritz.values[0]
        ? 'converged'
        : stall.stalled(iteration, captured)
          ? 'stalled'
          : iteration >= maxIterations
            ? 'iteration-limit'
            : null;
    if (stop) {
      const result = finish(scaling, count, found, b, ritz, rowProducts, iteration, stop);
      onProgress?.(1);
      return result;
    }
    progress.report(iteration, ritz.values[0] > 0 ? ritz.residual / ritz.values[0] : 0);
    block = ritz.image;
    orthonormalise(block, f, b, random);
  }
}

/**
 * image = C·block for C = ZᵀZ / n, with Z the standardised rows, in one pass over the rows:
 * rowProducts = Z·block (n × b), then image = Zᵀ·rowProducts / n. With s = 1/std and m = mean,
 * Z·v = X·(s⊙v) − (m·(s⊙v)) and Zᵀ·a = s ⊙ (Xᵀa − m·Σa), so X is read as given.
 */
function applyCorrelation(
  rows: readonly Float32Array[],
  { mean, scale, kept, rows: n }: FeatureScaling,
  block: Float64Array,
  b: number,
  rowProducts: Float64Array,
  image: Float64Array,
  signal: AbortSignal | undefined,
): void {
  const f = kept.length;
  const scaled = new Float64Array(f * b);
  const shift = new Float64Array(b);
  for (let t = 0; t < f; t++) {
    const j = kept[t];
    for (let c = 0; c < b; c++) {
      const u = scale[j] * block[t * b + c];
      scaled[t * b + c] = u;
      shift[c] += mean[j] * u;
    }
  }
  // Column-major copies, so that the hot loops below run over long contiguous arrays.
  const scaledColumns = transpose(scaled, f, b);
  const imageColumns = new Float64Array(b * f);
  const x = new Float64Array(f);
  const sums = new Float64Array(b);
  for (let i = 0; i < n; i++) {
    if ((i & 63) === 0) throwIfCancelled(signal);
    const row = rows[i];
    for (let t = 0; t < f; t++) x[t] = row[kept[t]];
    for (let c = 0; c < b; c++) {
      const product = dot(scaledColumns, c * f, x, f) - shift[c];
      rowProducts[i * b + c] = product;
      sums[c] += product;
      addScaled(imageColumns, c * f, product, x, f);
    }
  }
  image.set(transpose(imageColumns, b, f));
  for (let t = 0; t < f; t++) {
    const j = kept[t];
    for (let c = 0; c < b; c++) image[t * b + c] = (scale[j] * (image[t * b + c] - mean[j] * sums[c])) / n;
  }
}

interface RitzPairs {
  /** Ritz values, descending (clamped at 0: C is positive semi-definite). */
  values: Float64Array;
  /** b × b rotation from the block to the Ritz vectors. */
  rotation: Float64Array;
  /** Ritz vectors (f × b) and C times them: the next block, once orthonormalised. */
  vectors: Float64Array;
  image: Float64Array;
  /** Largest residual norm among the `found` leading pairs. */
  residual: number;
}

/** The best approximations to C's eigenpairs within span(block), given image = C·block. */
function rayleighRitz(
  block: Float64Array,
  image: Float64Array,
  f: number,
  b: number,
  found: number,
): RitzPairs {
  const h = new Float64Array(b * b);
  for (let t = 0; t < f; t++) {
    for (let r = 0; r < b; r++) {
      const v = block[t * b + r];
      for (let c = r; c < b; c++) h[r * b + c] += v * image[t * b + c];
    }
  }
  const eigen = symmetricEigen(h, b);
  const vectors = multiplySmall(block, eigen.vectors, f, b);
  const rotatedImage = multiplySmall(image, eigen.vectors, f, b);
  const values = eigen.values.map((v) => Math.max(0, v));
  let residual = 0;
  for (let c = 0; c < found; c++) {
    let sq = 0;
    for (let t = 0; t < f; t++) sq += (rotatedImage[t * b + c] - eigen.values[c] * vectors[t * b + c]) ** 2;
    residual = Math.max(residual, Math.sqrt(sq));
  }
  return { values, rotation: eigen.vectors, vectors, image: rotatedImage, residual };
}

/** The transpose of a row-major rows × cols matrix. */
function transpose(m: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = m[r * cols + c];
  return out;
}

/** (rows × b) · (b × b), both row-major. */
function multiplySmall(left: Float64Array, right: Float64Array, rows: number, b: number): Float64Array {
  const out = new Float64Array(rows * b);
  for (let t = 0; t < rows; t++) {
    for (let k = 0; k < b; k++) {
      const l = left[t * b + k];
      if (l === 0) continue;
      for (let c = 0; c < b; c++) out[t * b + c] += l * right[k * b + c];
    }
  }
  return out;
}

/**
 * Modified Gram–Schmidt, twice per column ("twice is enough" for orthogonality to rounding). A column that
 * vanishes (the data has fewer directions than the block) is replaced by a fresh random one.
 */
function orthonormalise(block: Float64Array, f: number, b: number, random: Random): void {
  for (let c = 0; c < b; c++) {
    for (;;) {
      const before = columnNorm(block, f, b, c);
      for (let pass = 0; pass < 2; pass++) {
        for (let prev = 0; prev < c; prev++) {
          let dot = 0;
          for (let t = 0; t < f; t++) dot += block[t * b + c] * block[t * b + prev];
          for (let t = 0; t < f; t++) block[t * b + c] -= dot * block[t * b + prev];
        }
      }
      const norm = columnNorm(block, f, b, c);
      if (norm > 1e-10 * before && norm > 0) {
        for (let t = 0; t < f; t++) block[t * b + c] /= norm;
        break;
      }
      // c < b ≤ f, so a random vector almost surely has a part outside the previous columns.
      for (let t = 0; t < f; t++) block[t * b + c] = random.gaussian();
    }
  }
}

function columnNorm(block: Float64Array, f: number, b: number, c: number): number {
  let sq = 0;
  for (let t = 0; t < f; t++) sq += block[t * b + c] ** 2;
  return Math.sqrt(sq);
}

/** Scores and loadings of the leading Ritz pairs, signed so that each loading's largest entry is positive. */
function finish(
  scaling: FeatureScaling,
  count: number,
  found: number,
  b: number,
  ritz: RitzPairs,
  rowProducts: Float64Array,
  iterations: number,
  stop: PcaStop,
): PrincipalComponents {
  const { kept, width, rows: n } = scaling;
  const f = kept.length;
  const scores = new Float32Array(n * count);
  const components: Float64Array[] = [];
  const variances = new Float64Array(count);
  const explainedRatio = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    const loading = new Float64Array(width);
    components.push(loading);
    if (c >= found) continue;
    let largest = 0;
    for (let t = 0; t < f; t++) {
      if (Math.abs(ritz.vectors[t * b + c]) > Math.abs(largest)) largest = ritz.vectors[t * b + c];
    }
    const sign = largest < 0 ? -1 : 1;
    for (let t = 0; t < f; t++) loading[kept[t]] = sign * ritz.vectors[t * b + c];
    // Scores = Z·(block·rotation) = (Z·block)·rotation, and Z·block is what the last pass computed.
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < b; k++) s += rowProducts[i * b + k] * ritz.rotation[k * b + c];
      scores[i * count + c] = sign * s;
    }
    variances[c] = ritz.values[c];
    explainedRatio[c] = ritz.values[c] / f;
  }
  return { count, scores, components, variances, explainedRatio, keptFeatures: f, iterations, stop };
}

/** Iterations before the stall test: the first gains from a random start say nothing about the rate. */
const STALL_MIN_ITERATIONS = 5;
/** Below this ratio of successive gains convergence is fast, and the tolerance test will soon be met. */
const SLOW_RATIO = 0.5;

/**
 * Subspace iteration raises the captured variance by a roughly geometric series of gains. From the ratio q
 * of the last two gains, the variance still to come is about gain·q/(1 − q).
 */
class StallDetector {
  private previous = NaN;
  private previousGain = NaN;

  constructor(private readonly tolerance: number) {}

  stalled(iteration: number, captured: number): boolean {
    const gain = captured - this.previous;
    const ratio = gain / this.previousGain;
    this.previous = captured;
    this.previousGain = gain;
    if (iteration < STALL_MIN_ITERATIONS || !(ratio > SLOW_RATIO) || !(gain > 0)) return false;
    const q = Math.min(ratio, 0.999);
    return (gain * q) / (1 - q) < this.tolerance * captured;
  }
}

/**
 * Progress of an iteration whose error falls geometrically: the fraction of the way, on a log scale, from
 * the first iteration's residual to the tolerance (or of the iteration budget, if that is further along).
 */
class ConvergenceProgress {
  private first = 0;
  private last = 0;

  constructor(
    private readonly tolerance: number,
    private readonly maxIterations: number,
    private readonly onProgress: ((fraction: number) => void) | undefined,
  ) {}

  report(iteration: number, relativeResidual: number): void {
    if (!this.onProgress) return;
    if (iteration === 1) this.first = relativeResidual;
    const span = Math.log(this.first / this.tolerance);
    const byResidual = span > 0 && relativeResidual > 0 ? Math.log(this.first / relativeResidual) / span : 0;
    this.last = Math.max(this.last, Math.min(0.99, Math.max(byResidual, iteration / this.maxIterations)));
    this.onProgress(this.last);
  }
}
