import { describe, expect, it } from 'vitest';
import { replayRuntime } from './replayRuntime';

describe('replayRuntime', () => {
  const inputs = [Float32Array.of(1, 2), Float32Array.of(3, 4)];
  const outputs = [Float32Array.of(10), Float32Array.of(20)];

  it('answers the calls in order with the outputs computed for them', () => {
    const run = replayRuntime(inputs, outputs);
    expect(run(Float32Array.of(1, 2))).toBe(outputs[0]);
    expect(run(Float32Array.of(3, 4))).toBe(outputs[1]);
  });

  it('refuses an input out of order, an extra call, or a count that does not match', () => {
    expect(() => replayRuntime(inputs, outputs)(Float32Array.of(3, 4))).toThrow(/Input 1 is not/);
    const run = replayRuntime(inputs, outputs);
    run(inputs[0]);
    run(inputs[1]);
    expect(() => run(inputs[0])).toThrow(/Input 3 is not/);
    expect(() => replayRuntime(inputs, outputs.slice(1))).toThrow('1 outputs for 2 inputs');
  });
});
