/**
 * Complex polynomial arithmetic for deriving wavelet filter banks (waveletFilters.ts): the roots of a real
 * polynomial and products of factors. Coefficients are listed from the highest power down, as the filter taps
 * they become.
 */

export interface Complex {
  re: number;
  im: number;
}

export const complex = (re: number, im = 0): Complex => ({ re, im });
const add = (a: Complex, b: Complex): Complex => complex(a.re + b.re, a.im + b.im);
const sub = (a: Complex, b: Complex): Complex => complex(a.re - b.re, a.im - b.im);
export const mul = (a: Complex, b: Complex): Complex =>
  complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
export function div(a: Complex, b: Complex): Complex {
  const d = b.re * b.re + b.im * b.im;
  return complex((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
}
export const abs = (a: Complex): number => Math.hypot(a.re, a.im);
export const conj = (a: Complex): Complex => complex(a.re, -a.im);
export const scale = (a: Complex, s: number): Complex => complex(a.re * s, a.im * s);

/** The principal square root. */
export function sqrt(a: Complex): Complex {
  const r = abs(a);
  const re = Math.sqrt((r + a.re) / 2);
  const im = Math.sqrt((r - a.re) / 2);
  return complex(re, a.im < 0 ? -im : im);
}

/** The product of two polynomials (coefficient sequences convolved). */
export function convolve(a: readonly Complex[], b: readonly Complex[]): Complex[] {
  const out = Array.from({ length: a.length + b.length - 1 }, () => complex(0));
  a.forEach((x, i) => b.forEach((y, j) => (out[i + j] = add(out[i + j], mul(x, y)))));
  return out;
}

/** The value of a polynomial (highest power first) at x, by Horner's rule. */
function evaluate(p: readonly Complex[], x: Complex): Complex {
  return p.reduce((acc, c) => add(mul(acc, x), c), complex(0));
}

function derivative(p: readonly Complex[]): Complex[] {
  const n = p.length - 1;
  return p.slice(0, n).map((c, i) => scale(c, n - i));
}

/**
 * Every root of a real polynomial (highest power first, leading coefficient non-zero) by the Aberth–Ehrlich
 * iteration, each root then polished by Newton steps. Meant for the small, well-separated root sets of
 * wavelet design polynomials (degree ≤ 10), not as a general solver.
 */
export function polynomialRoots(coefficients: readonly number[]): Complex[] {
  const p = coefficients.map((c) => complex(c / coefficients[0]));
  const n = p.length - 1;
  const dp = derivative(p);
  // Start on a circle inside Cauchy's bound, off the real axis so conjugate pairs separate.
  const radius = 1 + Math.max(0, ...p.slice(1).map(abs));
  let z = Array.from({ length: n }, (_, k) => {
    const angle = (2 * Math.PI * k) / n + 0.4;
    return complex(0.5 * radius * Math.cos(angle), 0.5 * radius * Math.sin(angle));
  });
  for (let iteration = 0; iteration < 500; iteration++) {
    let largestStep = 0;
    z = z.map((zk, k) => {
      const ratio = div(evaluate(p, zk), evaluate(dp, zk));
      const repulsion = z.reduce(
        (acc, zj, j) => (j === k ? acc : add(acc, div(complex(1), sub(zk, zj)))),
        complex(0),
      );
      const step = div(ratio, sub(complex(1), mul(ratio, repulsion)));
      largestStep = Math.max(largestStep, abs(step) / Math.max(1, abs(zk)));
      return sub(zk, step);
    });
    if (largestStep < 1e-15) break;
  }
  return z.map((zk) => {
    let root = zk;
    for (let i = 0; i < 3; i++) {
      const d = evaluate(dp, root);
      if (abs(d) === 0) break;
      root = sub(root, div(evaluate(p, root), d));
    }
    return root;
  });
}
