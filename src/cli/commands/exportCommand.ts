import { lazyCommand } from '../command';

export const exportLibrary = lazyCommand(
  {
    name: 'export',
    summary:
      'Build a .tflite, a TensorFlow Lite Micro header, a C++ library or an Arduino library from a trained impulse or a .tflite.',
    usage:
      '--project <project.zip> --impulse <name> --format cpp|arduino|tflite|header [--int8|--float32] --out <file>  |  <model.tflite> --format cpp|header --out <file>',
    options: {
      project: {
        type: 'string',
        valueName: '<project.zip>',
        description: 'a project exported from the studio',
      },
      impulse: { type: 'string', valueName: '<name>', description: 'the trained impulse to deploy' },
      format: {
        type: 'string',
        valueName: '<format>',
        description: 'cpp, arduino, tflite or header (cpp or header for a .tflite)',
      },
      int8: { type: 'boolean', description: 'the int8 network (the default once the model is quantised)' },
      float32: { type: 'boolean', description: 'the float32 network' },
      out: { type: 'string', valueName: '<file>', description: 'where to write the .zip or .tflite' },
    },
  },
  () => import('./export'),
);
