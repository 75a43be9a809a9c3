import { describe, expect, it } from 'vitest';
import { planArchitecture } from '../learn/architecture';
import { architectureCost } from './layerCost';

const classes3 = { kind: 'classifier', classes: 3 } as const;

describe('architectureCost', () => {
  it('counts dense layers: in·out MACs, in·out + out parameters', () => {
    const cost = architectureCost(planArchitecture([33], [{ type: 'dense', units: 20 }], classes3));
    expect(cost.layers.map((l) => [l.type, l.params, l.macs])).toEqual([
      ['input', 0, 0],
      ['dense', 33 * 20 + 20, 660],
      ['output', 20 * 3 + 3, 60],
    ]);
    expect(cost.totalMacs).toBe(720);
    expect(cost.totalParams).toBe(743);
  });

  it('counts conv1d, pooling, dropout, reshape and flatten by hand', () => {
    const cost = architectureCost(
      planArchitecture(
        [10, 4],
        [
          { type: 'conv1d', filters: 8, kernelSize: 3 },
          { type: 'maxPool', size: 2 },
          { type: 'dropout', rate: 0.25 },
        ],
        classes3,
      ),
    );
    // conv1d: 10 frames × 3 taps × 4 channels × 8 filters = 960 MACs; 3·4·8 + 8 = 104 parameters.
    // pooling 10 → 5 frames; flatten 5·8 = 40; output 40·3 = 120 MACs, 123 parameters.
    expect(cost.layers.map((l) => [l.type, l.params, l.macs])).toEqual([
      ['input', 0, 0],
      ['reshape', 0, 0],
      ['conv1d', 104, 960],
      ['maxPool', 0, 0],
      ['dropout', 0, 0],
      ['flatten', 0, 0],
      ['output', 123, 120],
    ]);
  });

  it('counts conv2d, average pooling and a depthwise-separable block by hand', () => {
    const cost = architectureCost(
      planArchitecture(
        [8, 6],
        [
          { type: 'conv2d', filters: 4, kernelSize: 3 },
          { type: 'avgPool', size: 2 },
          { type: 'separableConv', filters: 5, kernelSize: 3 },
        ],
        classes3,
      ),
    );
    // conv2d on 8×6×1: 48 cells × 9 × 1 × 4 = 1728 MACs; 9·1·4 + 4 = 40 parameters.
    // pooling → 4×3×4. Separable: depthwise 12 cells × 4 channels × 9 = 432, pointwise 12 × 4 × 5 = 240 MACs;
    // parameters 9·4 + 4 + 4·5 + 5 = 65. Flatten 60 → output 60·3 = 180 MACs, 183 parameters.
    expect(cost.layers.map((l) => [l.type, l.params, l.macs])).toEqual([
      ['input', 0, 0],
      ['reshape', 0, 0],
      ['conv2d', 40, 1728],
      ['avgPool', 0, 0],
      ['separableConv', 65, 672],
      ['flatten', 0, 0],
      ['output', 183, 180],
    ]);
    expect(cost.totalMacs).toBe(1728 + 672 + 180);
  });

  it('counts a 1-D separable block with a 1×K depthwise kernel', () => {
    const cost = architectureCost(
      planArchitecture(
        [10, 4],
        [
          { type: 'conv1d', filters: 2, kernelSize: 3 },
          { type: 'separableConv', filters: 6, kernelSize: 5 },
        ],
        classes3,
      ),
    );
    // depthwise 10 × 2 × 5 = 100, pointwise 10 × 2 × 6 = 120; parameters 5·2 + 2 + 2·6 + 6 = 30.
    expect(cost.layers[3]).toMatchObject({ type: 'separableConv', params: 30, macs: 220 });
  });
});
