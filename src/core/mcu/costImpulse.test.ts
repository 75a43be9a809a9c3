import { describe, expect, it } from 'vitest';
import { defaultImpulse } from '../impulse/defaults';
import { getBoard } from './boards';
import { gestureClassifierGraph } from './calibrationModels';
import { estimateModel } from './cost';
import { estimateAnomaly } from './costAnomaly';
import { estimateImpulse } from './costImpulse';
import { estimateDsp } from './dspCost';

const gesture = defaultImpulse([]);

describe('estimateImpulse', () => {
  it('adds the DSP of one window and the network', () => {
    const board = getBoard('nano33ble');
    const graph = gestureClassifierGraph();
    const e = estimateImpulse(board, gesture, graph, 'tflm-cmsis-nn');
    const window = { axes: 3, frames: 125, frequencyHz: 62.5 };
    expect(e.dsp.ms).toBeCloseTo(estimateDsp(board, 'spectral', gesture.dsp.params, window).ms, 9);
    expect(e.nn!.ms).toBeCloseTo(estimateModel(board, graph, 'tflm-cmsis-nn').ms, 9);
    expect(e.anomalyMs).toBeNull();
    expect(e.totalMs).toBeCloseTo(e.dsp.ms + e.nn!.ms, 9);
  });

  it('scores k-means anomaly detection on the chosen features, or on all of them', () => {
    const board = getBoard('pico');
    const chosen = estimateImpulse(
      board,
      { ...gesture, learn: { kind: 'anomaly', clusters: 32, featureIndices: [0, 11, 22], seed: 1 } },
      null,
      'studio-generated',
    );
    expect(chosen.nn).toBeNull();
    expect(chosen.anomalyMs).toBeCloseTo(estimateAnomaly(board, 32, 3).ms, 9);
    const all = estimateImpulse(
      board,
      { ...gesture, learn: { kind: 'anomaly', clusters: 32, featureIndices: [], seed: 1 } },
      null,
      'studio-generated',
    );
    expect(all.anomalyMs).toBeCloseTo(estimateAnomaly(board, 32, 33).ms, 9);
    expect(all.totalMs).toBeCloseTo(all.dsp.ms + all.anomalyMs!, 9);
  });
});
