/**
 * Cycles of k-means anomaly scoring for one window: standardise the chosen features, the distance to every cluster
 * centre, the nearest one (learn/anomaly.ts computes the same). Float32 on the FPU or in software, with the DSP
 * code's fitted efficiency (the same kind of plain float C).
 */
import { boardFloatCosts, type Target } from './boards';
import { DSP_FIT } from './calibrationFit';
import { getCore } from './cores';
import { mixCycles, sumMixes } from './costMix';

export function estimateAnomaly(
  target: Target,
  clusters: number,
  features: number,
  efficiency = DSP_FIT.efficiency,
): { cycles: number; ms: number } {
  const core = getCore(target.core);
  const floats = boardFloatCosts(target);
  const mix = sumMixes([
    [{ single: { add: 1, div: 1 }, int: { load: 3, store: 1 } }, features],
    [{ single: { add: 2, mul: 1 }, int: { load: 2, branch: 1 } }, clusters * features],
    [{ single: { sqrt: 1, add: 1 }, int: { alu: 2, branch: 1 } }, clusters],
  ]);
  const cycles = mixCycles(mix, core.instructions, floats.single, floats.double) * efficiency;
  return { cycles, ms: cycles / (target.clockMhz * 1000) };
}
