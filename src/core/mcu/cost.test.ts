import { describe, expect, it } from 'vitest';
import { getBoard, type Target } from './boards';
import { anomalyDetectionGraph, denseChain } from './calibrationModels';
import { CORES } from './cores';
import { estimateModel, kernelSimd, opCost, RUNTIMES } from './cost';
import { graphWork } from './opWork';
import { kwsGraph } from './costTestModels';

const kws = kwsGraph();

function variant(board: string, change: Partial<Target>): Target {
  return { ...getBoard(board), ...change };
}

describe('cost model', () => {
  it('picks the CMSIS-NN kernel each KWS layer runs', () => {
    const e = estimateModel(getBoard('nucleo-l4r5zi'), kws, 'tflm-cmsis-nn');
    expect(e.ops.map((o) => o.path).slice(0, 3)).toEqual([
      'arm_convolve_s8',
      'arm_depthwise_conv_s8_opt',
      'arm_convolve_1x1_s8_fast',
    ]);
    expect(e.ops.at(-1)!.path).toBe('arm_softmax_s8');
    expect(estimateModel(getBoard('ek-ra8d1'), kws, 'tflm-cmsis-nn').ops[2].path).toBe(
      'arm_convolve_s8 (MVE)',
    );
    expect(estimateModel(getBoard('pico'), kws, 'tflm-cmsis-nn').ops[2].path).toBe('arm_convolve_s8 (C)');
  });

  it('uses SIMD only where the part has it', () => {
    expect(kernelSimd(getBoard('nano33ble'), 'tflm-cmsis-nn')).toBe('dsp');
    expect(kernelSimd(getBoard('ek-ra8d1'), 'tflm-cmsis-nn')).toBe('helium');
    expect(kernelSimd(getBoard('esp32s3'), 'tflm-cmsis-nn')).toBe('pie');
    expect(kernelSimd(getBoard('pico'), 'tflm-cmsis-nn')).toBe('none');
    expect(kernelSimd(variant('pico2', { dspExtension: false }), 'tflm-cmsis-nn')).toBe('none');
    expect(kernelSimd(variant('ek-ra8d1', { helium: false }), 'tflm-cmsis-nn')).toBe('dsp');
    // The generated C takes tml_dot_int8's SMLAD path wherever the compiler defines __ARM_FEATURE_DSP.
    expect(kernelSimd(getBoard('nano33ble'), 'studio-generated')).toBe('dsp');
    expect(kernelSimd(getBoard('pico'), 'studio-generated')).toBe('none');
    expect(kernelSimd(getBoard('nano33ble'), 'tflm-reference')).toBe('none');
  });

  it('orders the runtimes by the work their loops do', () => {
    for (const board of ['nano33ble', 'pico2', 'portenta-h7']) {
      const [reference, cmsis, generated] = RUNTIMES.map(
        (r) => estimateModel(getBoard(board), kws, r.id).cycles,
      );
      expect(cmsis, board).toBeLessThan(generated);
      expect(cmsis, board).toBeLessThan(reference);
    }
    // The generated kernels' SMLAD path halves the MAC instructions of the pointwise convolutions.
    const withDsp = estimateModel(getBoard('nano33ble'), kws, 'studio-generated').cycles;
    const withoutDsp = estimateModel(
      variant('nano33ble', { dspExtension: false }),
      kws,
      'studio-generated',
    ).cycles;
    expect(withDsp).toBeLessThan(withoutDsp);
  });

  it('turns cycles into milliseconds at the board clock', () => {
    const fast = estimateModel(variant('nano33ble', { clockMhz: 128 }), kws, 'tflm-cmsis-nn');
    const slow = estimateModel(getBoard('nano33ble'), kws, 'tflm-cmsis-nn');
    expect(fast.cycles).toBeCloseTo(slow.cycles, 6);
    expect(fast.ms).toBeCloseTo(slow.ms / 2, 9);
    expect(slow.ms).toBeCloseTo(slow.cycles / 64_000, 9);
  });

  it('adds the flash stalls of the weights each kernel reads', () => {
    const ad = anomalyDetectionGraph();
    const free = estimateModel(
      variant('nucleo-l4r5zi', {
        constantMemory: { ...getBoard('nucleo-l4r5zi').constantMemory, stallCyclesPerByte: 0 },
      }),
      ad,
      'tflm-cmsis-nn',
    );
    const slow = estimateModel(getBoard('nucleo-l4r5zi'), ad, 'tflm-cmsis-nn');
    // A dense layer reads each weight once: 264 192 weight bytes and the int32 biases.
    expect(slow.cycles - free.cycles).toBeCloseTo((264_192 + 4 * (8 * 128 + 8 + 640)) * 0.6, 3);
    // Convolution weights kept in a data cache are read once; without it once per pair of output pixels.
    const pointwise = graphWork(kws)[2];
    const cached = opCost(pointwise, getBoard('disco-f746ng'), 'tflm-cmsis-nn');
    const uncached = opCost(
      pointwise,
      variant('disco-f746ng', {
        constantMemory: { ...getBoard('disco-f746ng').constantMemory, dataCacheKb: 0 },
      }),
      'tflm-cmsis-nn',
    );
    expect(cached.stallCycles).toBeCloseTo((4096 + 256) * 0.25, 6);
    expect(uncached.stallCycles).toBeCloseTo((4096 * Math.ceil(125 / 2) + 256) * 0.25, 6);
  });

  it('prices float32 models on the FPU, or in software without one', () => {
    const float = denseChain(
      64,
      [
        { units: 64, activation: 'RELU' },
        { units: 10, activation: 'NONE' },
      ],
      true,
      'float32',
    );
    const m4 = estimateModel(getBoard('nano33ble'), float, 'tflm-reference');
    const withoutFpu = estimateModel(variant('nano33ble', { fpu: 'none' }), float, 'tflm-reference');
    const m0 = estimateModel(getBoard('nucleo-g0b1re'), float, 'tflm-reference');
    expect(m4.ops[0].path).toBe('reference_ops (float)');
    expect(withoutFpu.cycles / m4.cycles).toBeGreaterThan(5);
    // Each MAC is at least a software multiply-add on the M0+, a few FPU cycles on the M4F.
    expect(m0.cycles / m0.macs).toBeGreaterThan(CORES['cortex-m0plus'].softSingle.mac);
    expect(m4.cycles / m4.macs).toBeLessThan(CORES['cortex-m0plus'].softSingle.mac / 10);
  });

  it('charges the interpreter per op, and EON its Prepare per inference', () => {
    const ad = anomalyDetectionGraph();
    const board = getBoard('ek-ra6m4');
    const tflm = estimateModel(board, ad, 'tflm-cmsis-nn');
    const direct = estimateModel(board, ad, 'tflm-cmsis-nn', { withoutInterpreter: true });
    const eon = estimateModel(board, ad, 'tflm-cmsis-nn', {
      withoutInterpreter: true,
      prepareEachInference: 'all',
    });
    expect(tflm.ops[0].overheadCycles).toBeGreaterThan(20 * direct.ops[0].overheadCycles);
    expect(eon.cycles).toBeGreaterThan(direct.cycles);
    expect(tflm.ops.map((o) => o.kernelCycles)).toEqual(direct.ops.map((o) => o.kernelCycles));
    // TFLM 2.3 recomputed only the convolutions' per-channel multipliers in Eval.
    const old = estimateModel(board, ad, 'tflm-cmsis-nn', { prepareEachInference: 'convolutions' });
    expect(old.cycles).toBeCloseTo(tflm.cycles, 6);
    expect(
      estimateModel(board, kws, 'tflm-cmsis-nn', { prepareEachInference: 'convolutions' }).cycles,
    ).toBeGreaterThan(estimateModel(board, kws, 'tflm-cmsis-nn').cycles);
  });

  it('says whether the core family was calibrated', () => {
    expect(estimateModel(getBoard('nrf9161'), kws, 'tflm-cmsis-nn').calibrated).toBe(true);
    expect(estimateModel(getBoard('portenta-h7'), kws, 'tflm-cmsis-nn').calibrated).toBe(false);
    expect(estimateModel(getBoard('pico'), kws, 'tflm-cmsis-nn').macs).toBe(2_656_768);
  });
});
