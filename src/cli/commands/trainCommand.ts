import { lazyCommand } from '../command';

/** The Testing page's default confidence threshold (and tolerance, for a regressor). */
export const DEFAULT_TEST_THRESHOLD = 0.6;

export const train = lazyCommand(
  {
    name: 'train',
    summary: 'Train an impulse of an exported project (.zip) and write the model files.',
    usage:
      '--project <project.zip> --impulse <name> [--epochs N] [--backend wasm|cpu] [--threshold t] --out <model-dir>',
    options: {
      project: {
        type: 'string',
        valueName: '<project.zip>',
        description: 'a project exported from the studio',
      },
      impulse: { type: 'string', valueName: '<name>', description: 'the impulse to train, by name' },
      epochs: { type: 'string', valueName: '<N>', description: "override the impulse's number of epochs" },
      backend: { type: 'string', valueName: '<wasm|cpu>', description: 'tfjs backend (default wasm)' },
      out: { type: 'string', valueName: '<model-dir>', description: 'directory for the model files' },
      threshold: {
        type: 'string',
        valueName: '<t>',
        description: `test confidence threshold, or a regressor's tolerance (default ${DEFAULT_TEST_THRESHOLD})`,
      },
    },
  },
  () => import('./train'),
);
