import { describe, expect, it } from 'vitest';
import { quantizeModel } from '../quant';
import { denseClassifier, randomWindows } from '../quant/testModels';
import { graphRunner } from './modelRunner';

describe('graphRunner', () => {
  it('quantises an int8 model’s input exactly as the graph’s own QUANTIZE op would', () => {
    const float = denseClassifier([33, 20, 10, 4], 3);
    const calibration = randomWindows(200, 33, 5);
    const int8Io = graphRunner(
      quantizeModel(float, calibration, { method: 'minmax', inputType: 'int8', outputType: 'int8' }),
    );
    const floatIo = graphRunner(
      quantizeModel(float, calibration, { method: 'minmax', inputType: 'float32', outputType: 'float32' }),
    );
    for (const x of randomWindows(100, 33, 9)) expect(int8Io(x)).toEqual(floatIo(x));
  });
});
