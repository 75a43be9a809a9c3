/**
 * The impulses the deployment tests export, with models made in the test: the standard gesture impulse
 * (spectral analysis, 33 features) with a 33→20→10→4 network whose standardisation is fitted on the gesture
 * windows' features and which is quantised on them, or with k-means anomaly detection; and a keyword impulse (MFCC,
 * 49 frames × 10 coefficients of 1 s at 16 kHz) with the shared MLPerf Tiny keyword model, whose input is exactly
 * that shape. Test vectors: the virtual board's gestures and the shared recordings, as the DSP tests take them.
 */
import { fitScaler } from '../../learn/scaler';
import { fitAnomalyModel } from '../../learn/anomaly';
import { GESTURE_IMPULSE } from '../../learn/gestureBenchSet';
import type { TrainedModel } from '../../learn/trainedModel';
import { standardizationOf, standardizeInput } from '../../ir/standardize';
import { denseClassifier } from '../../quant/testModels';
import { quantizeModel } from '../../quant/quantizeModel';
import type { Impulse } from '../../impulse/impulse';
import { tsFeatures } from '../../codegen/dsp/testUtils/checkBlock';
import { gestureWindows, randomWindows, wavWindows } from '../../codegen/dsp/testUtils/windows';
import { loadSharedModel } from '../../codegen/model/testUtils/sharedModels';
import type { ImpulseSource, Precision } from '../impulseLibrary';

export type TestImpulse = Pick<Impulse, 'name' | 'input' | 'dsp'>;
type Model = ImpulseSource['model'];

export const GESTURE_LABELS = ['idle', 'wave', 'circle', 'punch'];
/** The MLPerf Tiny keyword-spotting model's classes, in its output order. */
export const KWS_LABELS = [
  'down',
  'go',
  'left',
  'no',
  'off',
  'on',
  'right',
  'stop',
  'up',
  'yes',
  'silence',
  'unknown',
];

export const GESTURE: TestImpulse = { name: 'Gestures', ...GESTURE_IMPULSE };

export const KEYWORDS: TestImpulse = {
  name: 'Keywords',
  input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 16000, zeroPad: true, axes: ['audio'] },
  dsp: {
    block: 'mfcc',
    params: { num_cepstral: 10, frame_length: 0.04, frame_stride: 0.02, fft_length: 1024, low_frequency: 20 },
  },
};

/** Gesture windows for fitting (more of them) or for testing, plus seeded random ones around gravity. */
export function gestureTestWindows(): Float32Array[] {
  return [
    ...gestureWindows(GESTURE.input, { seconds: 4, perGesture: 2, seed: 31 }),
    ...randomWindows(125 * 3, 2, 5, 3, 1),
  ];
}

function fitWindows(): Float32Array[] {
  return gestureWindows(GESTURE.input, { seconds: 8, perGesture: 10, seed: 3 });
}

const CLASSIFIER = { kind: 'classifier' as const, layers: [], training: {} as never };

/** A gesture classifier, float32 and int8 (int8 input and output), standardised on the gesture features. */
export function gestureClassifier(): Model {
  const features = tsFeatures(GESTURE, fitWindows());
  const scaler = fitScaler(features);
  const float = {
    ...denseClassifier([33, 20, 10, 4], 7),
    standardization: standardizationOf(scaler.mean, scaler.std),
  };
  const int8 = quantizeModel(
    float,
    features.map((f) => standardizeInput(float, f)),
    { method: 'minmax', inputType: 'int8', outputType: 'int8' },
  );
  return { learn: CLASSIFIER, labels: GESTURE_LABELS, float, int8: { graph: int8 } as TrainedModel['int8'] };
}

/** K-means anomaly detection on the gesture features: 3 clusters over the RMS and the first bins of each axis. */
export function gestureAnomaly(): Model {
  const block = {
    kind: 'anomaly' as const,
    clusters: 3,
    featureIndices: [0, 5, 6, 11, 16, 17, 22, 27, 28],
    seed: 2,
  };
  return { learn: block, labels: [], anomaly: fitAnomalyModel(tsFeatures(GESTURE, fitWindows()), block) };
}

/** The shared keyword model as the int8 network of the keyword impulse (it has no float32 version). */
export function keywordClassifier(): Model {
  const { graph } = loadSharedModel('kws_ref_model');
  return { learn: CLASSIFIER, labels: KWS_LABELS, int8: { graph } as TrainedModel['int8'] };
}

/** The shared recordings yes, no and noise (silence is round-off in the studio's own MFCC: see audioBlocks.test.ts). */
export function keywordTestWindows(): Float32Array[] {
  return wavWindows().slice(0, 3);
}

export function source(impulse: TestImpulse, model: Model, precision: Precision): ImpulseSource {
  return { projectName: 'Deploy test', impulse, model, precision };
}
