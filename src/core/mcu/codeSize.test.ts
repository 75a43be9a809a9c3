import { describe, expect, it } from 'vitest';
import type { OpKind } from '../ir/graph';
import { OPCODE } from '../tflite/schema';
import { generatedCode, modelFlash, opTypes, tfliteMicroCode, tfliteMicroStatics } from './codeSize';
import {
  GENERATED_CHECK,
  GENERATED_KERNELS,
  GENERATED_FUNCTIONS,
  TFLM_CHECKS,
  TFLM_CODE,
} from './codeSizeData';
import { denseChain } from './calibrationModels';
import { kwsGraph } from './costTestModels';

const sum = (parts: { bytes: number }[]) => parts.reduce((s, p) => s + p.bytes, 0);

/** A graph with exactly these op types, for the code tables (their shapes do not matter to code size). */
function withOps(ops: OpKind[]) {
  return { tensors: [], ops: ops.map((kind) => ({ kind }) as never), inputs: [], outputs: [] };
}

describe('code size', () => {
  it('has a TFLite Micro figure and a generated kernel list for every op the studio reads', () => {
    const kinds = Object.keys(OPCODE) as OpKind[];
    for (const table of Object.values(TFLM_CODE))
      expect(Object.keys(table.perOp).sort()).toEqual([...kinds].sort());
    for (const kind of kinds)
      for (const fn of [...GENERATED_KERNELS[kind].int8, ...GENERATED_KERNELS[kind].float32])
        expect(GENERATED_FUNCTIONS[fn], fn).toBeGreaterThan(0);
  });

  it('predicts the measured TFLite Micro programs within 10 %, never below them', () => {
    for (const check of TFLM_CHECKS) {
      const predicted = sum(tfliteMicroCode(withOps(check.ops), check.runtime));
      expect(predicted / check.bytes, `${check.runtime} ${check.ops.join(' ')}`).toBeGreaterThanOrEqual(1);
      expect(predicted / check.bytes).toBeLessThan(1.1);
    }
  });

  it('predicts the measured generated KWS build within 5 %', () => {
    expect(GENERATED_CHECK.model).toBe('kws_ref_model');
    expect(Math.abs(sum(generatedCode(kwsGraph())) / GENERATED_CHECK.bytes - 1)).toBeLessThan(0.05);
  });

  it('links each generated kernel once, and float32 kernels for a float32 model', () => {
    const int8 = generatedCode(
      denseChain(
        8,
        [
          { units: 4, activation: 'RELU' },
          { units: 2, activation: 'NONE' },
        ],
        true,
      ),
    );
    expect(int8.at(-1)!.name).toBe(
      'kernel functions (tml_fully_connected_int8, tml_softmax_int8, exp_of_difference, ' +
        'tml_saturating_rounding_doubling_high_mul, tml_rounding_divide_by_pot, exp_of_minus_power_of_two)',
    );
    const float = generatedCode(denseChain(8, [{ units: 2, activation: 'NONE' }], true, 'float32'));
    expect(float.at(-1)!.name).toBe('kernel functions (tml_fully_connected_f32, tml_softmax_f32, libm exp)');
    // No per-channel multipliers in float32.
    expect(float[1].bytes).toBe(0);
    expect(int8[1].bytes).toBe(2 * 4 * (4 + 2));
  });

  it('counts the op resolver per op type, and the .tflite file as TFLite Micro’s model flash', () => {
    const kws = kwsGraph();
    expect(opTypes(kws)).toEqual([
      'CONV_2D',
      'DEPTHWISE_CONV_2D',
      'AVERAGE_POOL_2D',
      'RESHAPE',
      'FULLY_CONNECTED',
      'SOFTMAX',
    ]);
    expect(tfliteMicroStatics(kws).bytes).toBe(312 + 208 + 12 + 36 * 6);
    const flash = modelFlash(kws, 'tflm-reference', 53_936);
    expect(flash[0]).toMatchObject({ bytes: 53_936, accuracy: 'exact' });
    expect(flash.slice(1).every((p) => p.accuracy === 'estimated')).toBe(true);
  });
});
