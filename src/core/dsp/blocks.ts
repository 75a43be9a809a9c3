/** The registry of processing blocks (DESIGN.md §5): every block the studio, the worker and the CLI can use. */
import { StudioError } from '../errors';
import type { BlockId, DspBlock } from './block';
import { flattenBlock } from './flatten';
import { mfccBlock } from './mfcc';
import { mfeBlock } from './mfe';
import { rawBlock } from './raw';
import { spectralBlock } from './spectral';
import { spectrogramBlock } from './spectrogram';

export const DSP_BLOCKS: Record<BlockId, DspBlock> = {
  raw: rawBlock,
  flatten: flattenBlock,
  spectral: spectralBlock,
  mfe: mfeBlock,
  mfcc: mfccBlock,
  spectrogram: spectrogramBlock,
};

/** The block for an id, or a StudioError('dsp-block') listing the known ids. */
export function getBlock(id: string): DspBlock {
  if (!Object.hasOwn(DSP_BLOCKS, id))
    throw new StudioError(
      'dsp-block',
      `Unknown processing block "${id}": use one of ${Object.keys(DSP_BLOCKS).join(', ')}.`,
    );
  return DSP_BLOCKS[id as BlockId];
}
