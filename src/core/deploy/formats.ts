/**
 * The download formats, apart from the code that builds them (deployment.ts), so that the page can list them
 * without loading the code generators: those run in the deployment worker.
 */
export type DeployFormat = 'tflite' | 'header' | 'cpp' | 'arduino';

export const DEPLOY_FORMATS: ReadonlyArray<{ id: DeployFormat; title: string; description: string }> = [
  {
    id: 'arduino',
    title: 'Arduino library',
    description:
      'The C++ library with example sketches for the Nano 33 BLE Sense; install it with Sketch > Include Library > Add .ZIP Library.',
  },
  {
    id: 'cpp',
    title: 'C++ library',
    description:
      'The whole impulse as generated C behind run_impulse(): processing block, network, static arena, no interpreter.',
  },
  {
    id: 'header',
    title: 'C header for TensorFlow Lite Micro',
    description: 'model_data.h/.cc: the .tflite as an aligned array, the arena size and the op resolver.',
  },
  { id: 'tflite', title: '.tflite file', description: 'The model as a TensorFlow Lite flatbuffer.' },
];

/** The formats a bare model (a dropped `.tflite`) can be deployed as: no processing block, so no Arduino sketch. */
export const MODEL_FORMATS: readonly DeployFormat[] = ['cpp', 'header'];
