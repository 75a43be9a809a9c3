/**
 * Zeros-poles-gain filter algebra as SciPy's `scipy.signal` publishes it (lp2lp_zpk, lp2hp_zpk, bilinear_zpk,
 * zpk2sos with its default 'nearest' pairing), in float64. Used at design time only: filters are designed
 * once per configuration and cached by their callers, so plain objects are fine here.
 */

export interface Complex {
  re: number;
  im: number;
}

export interface Zpk {
  zeros: Complex[];
  poles: Complex[];
  gain: number;
}

const c = (re: number, im = 0): Complex => ({ re, im });
const add = (a: Complex, b: Complex): Complex => c(a.re + b.re, a.im + b.im);
const sub = (a: Complex, b: Complex): Complex => c(a.re - b.re, a.im - b.im);
const mul = (a: Complex, b: Complex): Complex => c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
const abs = (a: Complex): number => Math.hypot(a.re, a.im);
const isReal = (a: Complex): boolean => a.im === 0;
const conj = (a: Complex): Complex => c(a.re, -a.im);

/** Smith's complex division, as numpy divides complex numbers. */
function div(a: Complex, b: Complex): Complex {
  if (Math.abs(b.re) >= Math.abs(b.im)) {
    const rat = b.im / b.re;
    const scl = 1 / (b.re + b.im * rat);
    return c((a.re + a.im * rat) * scl, (a.im - a.re * rat) * scl);
  }
  const rat = b.re / b.im;
  const scl = 1 / (b.im + b.re * rat);
  return c((a.re * rat + a.im) * scl, (a.im * rat - a.re) * scl);
}

function product(values: Complex[]): Complex {
  return values.reduce(mul, c(1));
}

/** Scales a low-pass prototype (cutoff 1 rad/s) to cutoff `wo` (SciPy lp2lp_zpk). */
export function lowpassToLowpass({ zeros, poles, gain }: Zpk, wo: number): Zpk {
  const degree = poles.length - zeros.length;
  return {
    zeros: zeros.map((z) => c(z.re * wo, z.im * wo)),
    poles: poles.map((p) => c(p.re * wo, p.im * wo)),
    gain: gain * wo ** degree,
  };
}

/** Turns a low-pass prototype into a high-pass with cutoff `wo` (SciPy lp2hp_zpk). */
export function lowpassToHighpass({ zeros, poles, gain }: Zpk, wo: number): Zpk {
  const degree = poles.length - zeros.length;
  const w = c(wo);
  const negate = (v: Complex) => c(-v.re, -v.im);
  return {
    zeros: [...zeros.map((z) => div(w, z)), ...Array.from({ length: degree }, () => c(0))],
    poles: poles.map((p) => div(w, p)),
    gain: gain * div(product(zeros.map(negate)), product(poles.map(negate))).re,
  };
}

/** Bilinear transform s → 2·fs·(z − 1)/(z + 1) of an analog zpk (SciPy bilinear_zpk). */
export function bilinear({ zeros, poles, gain }: Zpk, fs: number): Zpk {
  const degree = poles.length - zeros.length;
  const fs2 = c(2 * fs);
  const map = (v: Complex) => div(add(fs2, v), sub(fs2, v));
  return {
    zeros: [...zeros.map(map), ...Array.from({ length: degree }, () => c(-1))],
    poles: poles.map(map),
    gain: gain * div(product(zeros.map((z) => sub(fs2, z))), product(poles.map((p) => sub(fs2, p)))).re,
  };
}

const TOLERANCE = 100 * Number.EPSILON;

/**
 * SciPy's _cplxreal: one member (positive imaginary part, averaged with its conjugate) of every complex pair,
 * sorted by real part then |imaginary part|, followed by the real values sorted likewise.
 */
function complexPairsThenReals(values: Complex[]): Complex[] {
  const sorted = [...values].sort((a, b) => a.re - b.re || Math.abs(a.im) - Math.abs(b.im));
  const real = sorted.filter((v) => Math.abs(v.im) <= TOLERANCE * abs(v)).map((v) => c(v.re));
  const complex = sorted.filter((v) => Math.abs(v.im) > TOLERANCE * abs(v));
  const positive = complex.filter((v) => v.im > 0);
  const negative = complex.filter((v) => v.im < 0);
  if (positive.length !== negative.length) throw new Error('zpk has a complex value without its conjugate');
  let start = 0;
  while (start < positive.length) {
    let stop = start + 1;
    while (
      stop < positive.length &&
      positive[stop].re - positive[stop - 1].re <= TOLERANCE * abs(positive[stop - 1])
    )
      stop++;
    for (const run of [positive, negative]) {
      const sortedRun = run.slice(start, stop).sort((a, b) => Math.abs(a.im) - Math.abs(b.im));
      run.splice(start, stop - start, ...sortedRun);
    }
    start = stop;
  }
  const pairs = positive.map((p, i) => {
    if (abs(sub(p, conj(negative[i]))) > TOLERANCE * abs(negative[i]))
      throw new Error('zpk has a complex value without its conjugate');
    const s = add(p, conj(negative[i]));
    return c(s.re / 2, s.im / 2);
  });
  return [...pairs, ...real];
}

/** Index of the element of `from` nearest to `to` that is real (or complex), ties to the earlier one. */
function nearestIndex(from: Complex[], to: Complex, which: 'real' | 'complex'): number {
  const order = from.map((_, i) => i).sort((i, j) => abs(sub(from[i], to)) - abs(sub(from[j], to)) || i - j);
  const found = order.find((i) => isReal(from[i]) === (which === 'real'));
  if (found === undefined) throw new Error(`zpk2sos found no ${which} value to pair`);
  return found;
}

function argmin(values: Complex[], key: (v: Complex) => number): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (key(values[i]) < key(values[best])) best = i;
  return best;
}

function take(values: Complex[], index: number): Complex {
  return values.splice(index, 1)[0];
}

/** [1, −(r1 + r2), r1·r2] for a conjugate or real pair of roots (numpy.poly of two roots). */
function quadratic(r1: Complex, r2: Complex): [number, number, number] {
  return [1, -r2.re - r1.re, mul(r1, r2).re];
}

/**
 * Second-order sections [b0, b1, b2, 1, a1, a2] per row, exactly as SciPy's zpk2sos(z, p, k) with pairing
 * 'nearest': the pole nearest the unit circle is paired first with its nearest zero; sections are then
 * reversed so the poles nearest the unit circle come last, and the gain goes to the first section.
 */
export function zpkToSos(zpk: Zpk): Float64Array[] {
  let poles = [...zpk.poles];
  let zeros = [...zpk.zeros];
  if (poles.length === 0 && zeros.length === 0) return [Float64Array.of(zpk.gain, 0, 0, 1, 0, 0)];
  while (poles.length < zeros.length) poles.push(c(0));
  while (zeros.length < poles.length) zeros.push(c(0));
  const sectionCount = (poles.length + 1) >> 1;
  if (poles.length % 2 === 1) {
    poles.push(c(0));
    zeros.push(c(0));
  }
  poles = complexPairsThenReals(poles);
  zeros = complexPairsThenReals(zeros);

  const pairs: { p: [Complex, Complex]; z: [Complex, Complex] }[] = [];
  for (let s = 0; s < sectionCount; s++) {
    const p1 = take(
      poles,
      argmin(poles, (p) => Math.abs(1 - abs(p))),
    );
    let p2: Complex;
    let z1: Complex;
    let z2: Complex;
    if (isReal(p1) && poles.every((p) => !isReal(p))) {
      z1 = take(zeros, nearestIndex(zeros, p1, 'real'));
      p2 = c(0);
      z2 = c(0);
    } else {
      const zeroIndex =
        !isReal(p1) && zeros.filter(isReal).length === 1
          ? nearestIndex(zeros, p1, 'complex')
          : argmin(zeros, (z) => abs(sub(p1, z)));
      z1 = take(zeros, zeroIndex);
      if (!isReal(p1)) {
        p2 = conj(p1);
        z2 = isReal(z1) ? take(zeros, nearestIndex(zeros, p1, 'real')) : conj(z1);
      } else if (!isReal(z1)) {
        z2 = conj(z1);
        p2 = take(poles, nearestIndex(poles, z1, 'real'));
      } else {
        const realIndices = poles.map((p, i) => (isReal(p) ? i : -1)).filter((i) => i >= 0);
        const p2Index = realIndices.reduce((best, i) =>
          Math.abs(abs(poles[i]) - 1) < Math.abs(abs(poles[best]) - 1) ? i : best,
        );
        p2 = take(poles, p2Index);
        z2 = take(zeros, nearestIndex(zeros, p2, 'real'));
      }
    }
    pairs.push({ p: [p1, p2], z: [z1, z2] });
  }
  return pairs.reverse().map(({ p, z }, i) => {
    const k = i === 0 ? zpk.gain : 1;
    const b = quadratic(z[0], z[1]);
    const a = quadratic(p[0], p[1]);
    return Float64Array.of(k * b[0], k * b[1], k * b[2], a[0], a[1], a[2]);
  });
}
