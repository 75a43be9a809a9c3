import { lazyCommand } from '../command';

export const infer = lazyCommand(
  {
    name: 'infer',
    summary:
      'Run a .tflite model (one input, one output) on raw input values and print its raw outputs as JSON.',
    usage: '<model.tflite> --input <input.json> [--out <out.json>]',
    options: {
      input: {
        type: 'string',
        valueName: '<input.json>',
        description: '{"input": [...]} or {"inputs": [[...], ...]}, flattened raw tensor values',
      },
      out: { type: 'string', valueName: '<out.json>', description: 'write the JSON here instead of stdout' },
    },
  },
  () => import('./infer'),
);
