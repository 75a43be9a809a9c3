/** The processing block's parameters, checked one by one with the block's own rules (dsp/params.ts). */
import { isStudioError } from '../errors';
import { getBlock } from '../dsp/blocks';
import type { DspBlock } from '../dsp/block';
import type { ImpulseDsp } from '../impulse/impulse';
import type { Problems } from './numberRule';

/**
 * Problems keyed by parameter name. Only each value on its own is checked here; how the parameters fit the
 * window (an FFT longer than the window…) is the block's `describe`, which the page shows as the feature count.
 */
export function dspParamProblems(dsp: ImpulseDsp): Problems {
  const out: Problems = {};
  let block: DspBlock;
  try {
    block = getBlock(dsp.block);
  } catch (e) {
    return { block: isStudioError(e) ? e.message : String(e) };
  }
  for (const [key, value] of Object.entries(dsp.params)) {
    try {
      block.parseParams({ [key]: value });
    } catch (e) {
      if (!isStudioError(e)) throw e;
      out[key] = e.message;
    }
  }
  return out;
}
