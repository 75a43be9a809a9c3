import { lazyCommand } from '../command';
import { FEATURE_BLOCKS } from './featuresCommand';

export const inspect = lazyCommand(
  {
    name: 'inspect',
    summary:
      "Import data files (.wav, .json, .cbor, .csv), or with --block check a block's parameters, and print what was read, as JSON lines.",
    usage: '<file...>',
    options: {
      label: {
        type: 'string',
        valueName: '<label>',
        description: 'label to give every sample (as the import dialog)',
      },
      block: {
        type: 'string',
        valueName: '<id>',
        description: `read the files as this block's parameters (${FEATURE_BLOCKS.join(', ')}); notes say what is unused`,
      },
    },
  },
  () => import('./inspect'),
);
