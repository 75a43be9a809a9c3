import { describe, expect, it } from 'vitest';
import type { Impulse } from '../impulse/impulse';
import { defaultTrainingSettings, type NeuralBlock } from '../learn/learnBlock';
import { archivedImpulseSchema, learnSchema, toArchivedImpulse } from './impulseSchema';
import { exportProjectArchive, importProjectArchive } from './projectArchive';

const learn: NeuralBlock = {
  kind: 'classifier',
  layers: [
    { type: 'conv1d', filters: 8, kernelSize: 3 },
    { type: 'separableConv', filters: 16, kernelSize: 5 },
    { type: 'maxPool', size: 2 },
  ],
  training: defaultTrainingSettings(true),
};

const impulse: Impulse = {
  id: 'imp1',
  projectId: 'p1',
  name: 'Keywords',
  input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 16000, zeroPad: true, axes: ['audio'] },
  dsp: { block: 'mfcc', params: {} },
  learn,
  createdAt: 1,
  updatedAt: 2,
};

describe('stored learning blocks', () => {
  it('accept a depthwise-separable layer, and refuse one without its sizes', () => {
    expect(learnSchema.parse(learn)).toEqual(learn);
    expect(archivedImpulseSchema.parse(toArchivedImpulse(impulse)).learn).toEqual(learn);
    const missing = { ...learn, layers: [{ type: 'separableConv', filters: 16 }] };
    expect(learnSchema.safeParse(missing).success).toBe(false);
  });

  it('bring a separable layer back from a project archive', () => {
    const archive = exportProjectArchive(
      { id: 'p1', name: 'KWS', createdAt: 1, updatedAt: 2 },
      [],
      [impulse],
    );
    expect(importProjectArchive('kws.zip', archive).impulses[0].learn).toEqual(learn);
  });
});
