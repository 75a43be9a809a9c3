/**
 * One check of generated DSP code against the TypeScript block: generate the C for an impulse, build it on
 * the host (as C99 and, when asked, as C++ too), run it on the windows, run the TS block on the same windows
 * (and on perturbed copies, to tell ill-conditioned features), and compare feature by feature.
 */
import { framesPerWindow } from '../../../dataset/windowing';
import { describeImpulse } from '../../../impulse/generateFeatures';
import type { Impulse } from '../../../impulse/impulse';
import { seededRandom } from '../../../random';
import { generateDspC, type DspCode } from '../generateDspC';
import { compareFeatures, perturbedWindows, type CompareOptions, type Comparison } from './compareFeatures';
import { buildOnHost, type Language } from './hostBuild';

export type TestImpulse = Pick<Impulse, 'input' | 'dsp'>;

/** Perturbed TS runs per window, to find ill-conditioned features. */
const PERTURBED_RUNS = 4;

/** The TS block's features of each window (copies: a block may reuse its output buffer). */
export function tsFeatures(impulse: TestImpulse, windows: readonly Float32Array[]): Float32Array[] {
  const shape = {
    axes: impulse.input.axes.length,
    frames: framesPerWindow(impulse.input),
    frequencyHz: impulse.input.frequencyHz,
  };
  const { block, params } = describeImpulse(impulse, shape);
  return windows.map((w) => block.run(params, w, shape).slice());
}

export interface BlockCheck {
  code: DspCode;
  ts: Float32Array[];
  /** Per window, the TS features of its perturbed copies. */
  perturbed: Float32Array[][];
  /** Per language built, the C features and their comparison with the TS ones. */
  results: { language: Language; c: Float32Array[]; comparison: Comparison }[];
}

export interface CheckOptions extends Omit<CompareOptions, 'perturbed' | 'floor'> {
  languages?: readonly Language[];
  /** Absolute floor of each feature, given the TS features of its window. */
  floor?: (feature: number, ts: Float32Array, window: Float32Array) => number;
}

/** The TS features of each window's perturbed copies (for compareFeatures' `perturbed`). */
export function perturbedTsFeatures(
  impulse: TestImpulse,
  windows: readonly Float32Array[],
): Float32Array[][] {
  const random = seededRandom(0x5eed);
  return windows.map((w) => tsFeatures(impulse, perturbedWindows(w, PERTURBED_RUNS, random)));
}

/**
 * Compares C features of the windows with the TS block's, as checkBlock does (floor from the TS features and the
 * window, perturbed TS runs for the sensitivity).
 */
export function compareWithTs(
  impulse: TestImpulse,
  windows: readonly Float32Array[],
  c: readonly Float32Array[],
  floor?: CheckOptions['floor'],
): Comparison {
  const ts = tsFeatures(impulse, windows);
  return compareFeatures(c, ts, {
    perturbed: perturbedTsFeatures(impulse, windows),
    floor: floor ? (i, w) => floor(i, ts[w], windows[w]) : undefined,
  });
}

export async function checkBlock(
  impulse: TestImpulse,
  windows: readonly Float32Array[],
  { languages = ['c', 'c++'], floor, ...compare }: CheckOptions = {},
): Promise<BlockCheck> {
  const code = generateDspC(impulse, { prefix: `${impulse.dsp.block}_check` });
  const ts = tsFeatures(impulse, windows);
  const perturbed = perturbedTsFeatures(impulse, windows);
  const results = await Promise.all(
    languages.map(async (language) => {
      const host = await buildOnHost(code, language);
      try {
        const c = await host.run(windows);
        const comparison = compareFeatures(c, ts, {
          ...compare,
          perturbed,
          floor: floor ? (i, w) => floor(i, ts[w], windows[w]) : undefined,
        });
        return { language, c, comparison };
      } finally {
        host.remove();
      }
    }),
  );
  return { code, ts, perturbed, results };
}

/** One line per build: features compared, the worst ratio to the tolerance, failures, excused ones. */
export function summarise(check: BlockCheck): string {
  return check.results
    .map(({ language, comparison: c }) => {
      const excused = c.excused.length;
      const worst = c.worst
        ? `${c.worst.ratio.toFixed(3)}× the tolerance (feature ${c.worst.feature})`
        : 'exact';
      return `${language}: ${c.count} features, worst ${worst}, ${c.failureCount} failing, ${excused} excused`;
    })
    .join('; ');
}
