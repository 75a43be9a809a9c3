import { describe, expect, it } from 'vitest';
import type { Impulse } from '../impulse/impulse';
import { featureShape } from '../impulse/generateFeatures';
import { planArchitecture, type ArchitectureLayerSpec } from '../learn/architecture';
import { BOARDS } from '../mcu/boards';
import { plannedInt8Graph, profileCandidate, candidateDescription } from './plannedCost';
import { estimatePlannedModel } from './plannedEstimate';

const KEYWORDS: Pick<Impulse, 'input' | 'dsp'> = {
  input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 16000, zeroPad: true, axes: ['audio'] },
  dsp: { block: 'mfcc', params: {} },
};
const shape = featureShape(KEYWORDS);
const classes = { kind: 'classifier', classes: 4 } as const;
const separable = (filters: number): ArchitectureLayerSpec[] => [
  { type: 'conv2d', filters: 8, kernelSize: 3 },
  { type: 'maxPool', size: 2 },
  { type: 'separableConv', filters, kernelSize: 3 },
  { type: 'maxPool', size: 2 },
];

describe('the editor’s planned-model estimate', () => {
  it('is the profile of the placeholder int8 graph on the board', () => {
    const arch = planArchitecture(shape, separable(16), classes);
    const estimate = estimatePlannedModel(KEYWORDS, arch, BOARDS.nano33ble, 'tflm-cmsis-nn');
    const { graph, tfliteBytes } = plannedInt8Graph(arch, 1, candidateDescription(KEYWORDS));
    const profile = profileCandidate(KEYWORDS, graph, tfliteBytes, BOARDS.nano33ble, 'tflm-cmsis-nn');
    expect(estimate).toEqual({
      board: 'nano33ble',
      boardName: profile.boardName,
      runtime: 'tflm-cmsis-nn',
      latencyMs: profile.latencyMs.ms,
      dspMs: profile.dspMs!.ms,
      ramBytes: profile.ram.usedBytes,
      ramAvailableBytes: profile.ram.availableBytes,
      flashBytes: profile.flash.usedBytes,
      flashAvailableBytes: profile.flash.availableBytes,
      fits: profile.fits,
      reason: profile.reason,
    });
    expect(estimate.dspMs).toBeGreaterThan(0);
    expect(estimate.latencyMs).toBeGreaterThan(estimate.dspMs!);
  });

  it('grows in latency, RAM and flash with the separable block’s filters', () => {
    const small = estimatePlannedModel(
      KEYWORDS,
      planArchitecture(shape, separable(8), classes),
      BOARDS.nano33ble,
      'tflm-cmsis-nn',
    );
    const big = estimatePlannedModel(
      KEYWORDS,
      planArchitecture(shape, separable(64), classes),
      BOARDS.nano33ble,
      'tflm-cmsis-nn',
    );
    expect(big.latencyMs).toBeGreaterThan(small.latencyMs);
    expect(big.ramBytes).toBeGreaterThan(small.ramBytes);
    expect(big.flashBytes).toBeGreaterThan(small.flashBytes);
  });

  it('says when the model does not fit the board', () => {
    const huge = planArchitecture(shape, [{ type: 'dense', units: 4096 }], classes);
    const estimate = estimatePlannedModel(KEYWORDS, huge, BOARDS.nano33ble, 'tflm-cmsis-nn');
    expect(estimate.fits).toBe(false);
    expect(estimate.flashBytes).toBeGreaterThan(estimate.flashAvailableBytes);
  });
});
