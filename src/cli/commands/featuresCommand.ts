import type { BlockId } from '../../core/dsp/block';
import { lazyCommand } from '../command';

/** Every processing block (a Record, so a new BlockId fails to compile until listed), without the DSP code. */
const BLOCKS: Record<BlockId, true> = {
  spectral: true,
  mfe: true,
  mfcc: true,
  spectrogram: true,
  raw: true,
  flatten: true,
};
/** The ids `--block` takes. */
export const FEATURE_BLOCKS = Object.keys(BLOCKS) as BlockId[];

/** Output formats; `.npy` files are NumPy format 1.0, float32 little-endian, shape (windows, features). */
export const FEATURE_FORMATS = ['json', 'npy'] as const;

export const features = lazyCommand(
  {
    name: 'features',
    summary: 'Run a processing block over a sample file and stream the feature matrix out as JSON or .npy.',
    usage:
      '--block <id> --input <file> [--params p.json] [--window-ms N --stride-ms N] [--out <file>] [--format json|npy]',
    options: {
      block: {
        type: 'string',
        valueName: `<${FEATURE_BLOCKS.join('|')}>`,
        description: 'the processing block',
      },
      params: {
        type: 'string',
        valueName: '<p.json>',
        description: "block parameters, named as in Edge Impulse's parameters.json",
      },
      input: { type: 'string', valueName: '<sample.(json|csv|wav|cbor)>', description: 'the sample' },
      'window-ms': {
        type: 'string',
        valueName: '<N>',
        description: 'window size (default: the whole sample)',
      },
      'stride-ms': {
        type: 'string',
        valueName: '<N>',
        description: 'window stride (default: the window size)',
      },
      out: { type: 'string', valueName: '<file>', description: 'write here instead of stdout' },
      format: {
        type: 'string',
        valueName: `<${FEATURE_FORMATS.join('|')}>`,
        description: 'json, or npy: NumPy float32 (windows, features); default npy for an --out *.npy',
      },
    },
  },
  () => import('./features'),
);
