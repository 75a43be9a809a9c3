/**
 * Cycles of a processing block on a target (DESIGN.md §7: latency = DSP cycles + Σ per-op cycles): the block's
 * operation counts (dspCostBlocks.ts) priced on the core, float32 on its FPU or in software (the FPU is most of the
 * difference between a Cortex-M4F and a Cortex-M0+). Edge Impulse's SDK code takes the efficiency fitted on its
 * published figures (calibrationFit.ts); the studio's generated C is counted from its compiled instructions
 * (dspCostGenerated.ts), so its efficiency is 1, checked against QEMU's instruction count (bench/deploy.ts).
 */
import type { BlockId, BlockParams, WindowShape } from '../dsp/block';
import { getBlock } from '../dsp/blocks';
import { boardFloatCosts, type Target } from './boards';
import { DSP_FIT } from './calibrationFit';
import { getCore } from './cores';
import { mixCycles } from './costMix';
import { dspStages, type DspImplementation } from './dspCostBlocks';

export type { DspImplementation } from './dspCostBlocks';

export interface DspEstimate {
  block: BlockId;
  implementation: DspImplementation;
  /** Counted cycles of each stage, before the efficiency factor. */
  stages: Array<{ name: string; countedCycles: number }>;
  countedCycles: number;
  efficiency: number;
  cycles: number;
  ms: number;
  /** Whether float32 runs on an FPU on this target. */
  fpu: boolean;
}

/**
 * The DSP cost of one window of `block` with user parameters `params` (validated by the block: a missing key takes
 * its default, a bad one is a StudioError) on `target`.
 */
export function estimateDsp(
  target: Target,
  block: BlockId,
  params: unknown,
  window: WindowShape,
  implementation: DspImplementation = 'plain-float32',
  efficiency = implementation === 'edge-impulse-sdk' ? DSP_FIT.efficiency : 1,
): DspEstimate {
  const parsed: BlockParams = getBlock(block).parseParams(params);
  const core = getCore(target.core);
  const floats = boardFloatCosts(target);
  const stages = dspStages(block, parsed, window, implementation).map((s) => ({
    name: s.name,
    countedCycles: mixCycles(s.mix, core.instructions, floats.single, floats.double),
  }));
  const countedCycles = stages.reduce((sum, s) => sum + s.countedCycles, 0);
  const cycles = countedCycles * efficiency;
  return {
    block,
    implementation,
    stages,
    countedCycles,
    efficiency,
    cycles,
    ms: cycles / (target.clockMhz * 1000),
    fpu: floats.singleInHardware,
  };
}
