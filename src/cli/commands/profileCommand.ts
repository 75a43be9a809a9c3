import { lazyCommand } from '../command';

export const profile = lazyCommand(
  {
    name: 'profile',
    summary:
      'Estimate latency, RAM and flash of a .tflite (or of a project impulse, DSP included) on simulated boards.',
    usage:
      '<model.tflite> | --project <project.zip> --impulse <name> [--board <id>|all] [--runtime tflm|cmsis-nn|generated] [--json]',
    options: {
      project: {
        type: 'string',
        valueName: '<project.zip>',
        description: 'a project exported from the studio',
      },
      impulse: {
        type: 'string',
        valueName: '<name>',
        description: 'the impulse to profile, by name (with --project)',
      },
      board: {
        type: 'string',
        valueName: '<id|all>',
        description: 'one board id, or all deployable boards (default)',
      },
      runtime: {
        type: 'string',
        valueName: '<runtime>',
        description: 'tflm (reference kernels), cmsis-nn (TFLite Micro + CMSIS-NN, default) or generated (C)',
      },
      int8: {
        type: 'boolean',
        description: "with --project: the impulse's int8 model (the default once quantised)",
      },
      float32: { type: 'boolean', description: "with --project: the impulse's float32 model" },
      json: { type: 'boolean', description: 'print a JSON array, one object per board' },
    },
  },
  () => import('./profile'),
);
