import { describe, expect, it } from 'vitest';
import type { Impulse } from '../impulse/impulse';
import { writeTflite } from '../tflite/writer';
import { planArena } from './arena';
import { deployableBoards, getBoard } from './boards';
import { denseChain, gestureClassifierGraph } from './calibrationModels';
import { estimateModel, RUNTIMES } from './cost';
import { estimateDsp } from './dspCost';
import { kwsGraph } from './costTestModels';
import { profileBoards, prepareSubject, profileBoard } from './profile';
import type { BoardProfile } from './profileTypes';
import { sharedModelBytes } from '../tflite/testUtils/sharedModels';

const kws = kwsGraph();
const kwsBytes = sharedModelBytes('kws_ref_model').length;

function kwsOn(board: string, runtime: (typeof RUNTIMES)[number]['id']): BoardProfile {
  return profileBoard(prepareSubject({ graph: kws, tfliteBytes: kwsBytes }), getBoard(board), runtime);
}

const gestureImpulse: Pick<Impulse, 'input' | 'dsp' | 'learn'> = {
  input: {
    windowSizeMs: 2000,
    windowStrideMs: 80,
    frequencyHz: 62.5,
    zeroPad: true,
    axes: ['accX', 'accY', 'accZ'],
  },
  dsp: { block: 'spectral', params: { 'filter-type': 'low', 'filter-cutoff': 3, 'fft-length': 128 } },
};

/** Every part says what it is and what it rests on, and the budget adds them up. */
function expectAccounted(p: BoardProfile): void {
  for (const budget of [p.ram, p.flash]) {
    expect(budget.usedBytes).toBe(budget.parts.reduce((s, part) => s + part.bytes, 0));
    expect(budget.marginBytes).toBe(budget.availableBytes - budget.usedBytes);
    for (const part of budget.parts) {
      expect(part.bytes).toBeGreaterThan(0);
      expect(['exact', 'estimated']).toContain(part.accuracy);
      expect(part.from.length).toBeGreaterThan(10);
    }
    const estimated = budget.parts.some((part) => part.accuracy === 'estimated');
    expect(budget.accuracy).toBe(estimated ? 'estimated' : 'exact');
  }
}

describe('profile of a bare model', () => {
  it('KWS on the NUCLEO-L4R5ZI with CMSIS-NN: the cost model’s latency, within 15 % of MLPerf’s 181.9 ms', () => {
    const p = kwsOn('nucleo-l4r5zi', 'tflm-cmsis-nn');
    expect(p.latencyMs.ms).toBeCloseTo(estimateModel(getBoard('nucleo-l4r5zi'), kws, 'tflm-cmsis-nn').ms, 9);
    expect(Math.abs(p.latencyMs.ms / 181.9 - 1)).toBeLessThanOrEqual(0.15);
    expect(p.dspMs).toBeNull();
    expect(p.calibrated).toBe(true);
    expect(p.precision).toBe('int8');
    for (const r of RUNTIMES) {
      expect(p.latencyByRuntime[r.id]).toBeCloseTo(estimateModel(getBoard('nucleo-l4r5zi'), kws, r.id).ms, 9);
    }
    expect(p.latencyRangeMs[0]).toBe(Math.min(...Object.values(p.latencyByRuntime)));
    expect(p.latencyRangeMs[1]).toBe(Math.max(...Object.values(p.latencyByRuntime)));
    expectAccounted(p);
  });

  it('counts the arena of the kernels the runtime links, and the .tflite file as flash', () => {
    const cmsis = kwsOn('nano33ble', 'tflm-cmsis-nn');
    const withDsp = planArena(kws, { mcuKernels: 'cmsis-nn' });
    expect(cmsis.arena.used.bytes).toBe(withDsp.tfliteMicro.mcu32.total.bytes);
    expect(cmsis.ram.parts[0]).toBe(cmsis.arena.used);
    expect(cmsis.flash.parts[0]).toMatchObject({ bytes: kwsBytes, accuracy: 'exact' });
    // The Pico's Cortex-M0+ has no DSP extension: CMSIS-NN's plain-C build.
    const pico = kwsOn('pico', 'tflm-cmsis-nn');
    expect(pico.arena.used.bytes).toBe(
      planArena(kws, { mcuKernels: 'cmsis-nn-no-dsp' }).tfliteMicro.mcu32.total.bytes,
    );
    const reference = kwsOn('nano33ble', 'tflm-reference');
    expect(reference.arena.used.bytes).toBe(planArena(kws).tfliteMicro.mcu32.total.bytes);
    // CMSIS-NN's kernels are larger than the reference ones.
    expect(cmsis.flash.usedBytes).toBeGreaterThan(reference.flash.usedBytes);
  });

  it('the generated build: its own arena, no interpreter, weights and multipliers as const arrays', () => {
    const p = kwsOn('nano33ble', 'studio-generated');
    const plan = planArena(kws);
    expect(p.arena.used.bytes).toBe(plan.generated.arena.bytes);
    expect(p.ram.parts.map((x) => x.name)).toEqual([
      'tensor arena (generated C)',
      'model input and output buffers',
    ]);
    // KWS: a [1, 49, 10, 1] int8 input and a [1, 12] int8 output.
    expect(p.ram.parts[1]).toMatchObject({ bytes: 490 + 12, accuracy: 'exact' });
    expect(p.plan).toEqual(plan.generated.buffers);
    const weights = kws.tensors
      .filter((t) => t.data !== undefined)
      .reduce((s, t) => s + t.data!.byteLength, 0);
    // Constant tensors that no op reads (none in KWS) are not compiled in.
    expect(p.flash.parts[0]).toMatchObject({ bytes: weights, accuracy: 'exact' });
    expect(p.flash.parts.some((x) => x.name.includes('TFLite Micro'))).toBe(false);
    expect(p.flash.usedBytes).toBeLessThan(kwsOn('nano33ble', 'tflm-reference').flash.usedBytes);
    expectAccounted(p);
  });

  it('gives one layer row per op with its work, time and place in the arena', () => {
    const p = kwsOn('portenta-h7', 'tflm-cmsis-nn');
    const estimate = estimateModel(getBoard('portenta-h7'), kws, 'tflm-cmsis-nn');
    expect(p.layers).toHaveLength(kws.ops.length);
    p.layers.forEach((row, i) => {
      expect(row.kind).toBe(kws.ops[i].kind);
      expect(row.macs).toBe(estimate.ops[i].work.macs);
      expect(row.cycles).toBeCloseTo(estimate.ops[i].cycles, 6);
      const buffer = p.plan.find((b) => b.tensor === kws.ops[i].outputs[0])!;
      expect([row.arenaOffset, row.arenaBytes]).toEqual([buffer.offset, buffer.size]);
    });
    expect(p.layers.reduce((s, r) => s + r.ms, 0)).toBeCloseTo(p.nnMs!.ms, 6);
  });

  it('says an uncalibrated core is so', () => {
    const p = kwsOn('portenta-h7', 'tflm-cmsis-nn');
    expect(p.calibrated).toBe(false);
    expect(p.nnMs!.from).toContain('no measurement on a cortex-m7');
  });

  it('a model too big for the Nicla Sense ME does not fit, and says which budget by how much', () => {
    // float32 [1, 8192] input: 32 KB of arena for the input alone, 512 KB of weights.
    const big = denseChain(8192, [{ units: 16, activation: 'NONE' }], true, 'float32');
    const [p] = profileBoards(
      { graph: big, tfliteBytes: writeTflite(big).length },
      [getBoard('nicla-sense-me')],
      'tflm-cmsis-nn',
    );
    expect(p.precision).toBe('float32');
    expect(p.fits).toBe(false);
    expect(p.ram.availableBytes).toBe((64 - 35) * 1024);
    expect(p.ram.marginBytes).toBeLessThan(0);
    expect(p.flash.marginBytes).toBeLessThan(0);
    expect(p.reason).toMatch(
      /^Does not fit\. RAM: needs [\d.]+ KB, only 29\.0 KB free \(64 KB minus 35\.0 KB for Arduino Mbed OS Nicla core/,
    );
    expect(p.reason).toContain(`${(-p.ram.marginBytes / 1024).toFixed(1)} KB over`);
    expect(p.reason).toContain('flash: needs');
    // The same model fits on the NUCLEO-L4R5ZI.
    const [nucleo] = profileBoards(
      { graph: big, tfliteBytes: 1 },
      [getBoard('nucleo-l4r5zi')],
      'tflm-cmsis-nn',
    );
    expect(nucleo.fits).toBe(true);
    expect(nucleo.reason).toMatch(/^Fits: RAM [\d.]+ KB of 637\.0 KB free/);
  });

  it('profiles every deployable board', () => {
    const all = profileBoards({ graph: kws, tfliteBytes: kwsBytes }, deployableBoards(), 'tflm-cmsis-nn');
    expect(all.map((p) => p.board)).toEqual(deployableBoards().map((b) => b.id));
    for (const p of all) expectAccounted(p);
  });
});

describe('profile of an impulse', () => {
  const graph = gestureClassifierGraph();
  const subject = { graph, tfliteBytes: writeTflite(graph).length, impulse: gestureImpulse };

  it('adds the DSP to the latency and its buffers and window to the RAM', () => {
    const board = getBoard('nano33ble');
    const p = profileBoard(prepareSubject(subject), board, 'tflm-cmsis-nn');
    const dsp = estimateDsp(board, 'spectral', gestureImpulse.dsp.params, {
      axes: 3,
      frames: 125,
      frequencyHz: 62.5,
    });
    expect(p.dspMs!.ms).toBeCloseTo(dsp.ms, 9);
    expect(p.latencyMs.ms).toBeCloseTo(dsp.ms + p.nnMs!.ms, 9);
    const window = p.ram.parts.find((x) => x.name === 'input window buffer')!;
    expect(window).toMatchObject({ bytes: 125 * 3 * 4, accuracy: 'exact' });
    expect(p.ram.parts.map((x) => x.name)).toContain('DSP working buffers');
    expect(p.flash.parts.map((x) => x.name)).toContain('DSP tables');
    expect(p.dspProblem).toBeNull();
    expectAccounted(p);
  });

  it('a k-means block: the anomaly score instead of a network, its centres in flash', () => {
    const impulse = {
      ...gestureImpulse,
      learn: { kind: 'anomaly' as const, clusters: 4, featureIndices: [0, 1], seed: 1 },
    };
    const anomaly = {
      featureIndices: [0, 1],
      mean: [0, 0],
      std: [1, 1],
      clusters: Array.from({ length: 4 }, () => ({ center: [0, 0], radius: 1, count: 3 })),
    };
    const p = profileBoard(
      prepareSubject({ graph: null, tfliteBytes: 0, impulse, anomaly }),
      getBoard('pico'),
      'tflm-cmsis-nn',
    );
    expect(p.nnMs).toBeNull();
    expect(p.precision).toBe('none');
    expect(p.layers).toEqual([]);
    expect(p.latencyMs.ms).toBeCloseTo(p.dspMs!.ms + p.anomalyMs!.ms, 9);
    expect(p.flash.parts.find((x) => x.name.startsWith('k-means'))!.bytes).toBe(4 * (4 * 3 + 2 * 2 + 2));
    expectAccounted(p);
  });

  it('a processing block the cost model cannot count keeps the network’s figures and says why', () => {
    const wavelet = {
      ...gestureImpulse,
      dsp: { block: 'spectral' as const, params: { 'analysis-type': 'Wavelet' } },
    };
    const p = profileBoard(
      prepareSubject({ ...subject, impulse: wavelet }),
      getBoard('nano33ble'),
      'tflm-cmsis-nn',
    );
    expect(p.dspMs).toBeNull();
    expect(p.dspProblem).toContain('Wavelet');
    expect(p.latencyMs.ms).toBeCloseTo(p.nnMs!.ms, 9);
  });
});

describe('precision', () => {
  it('is int8 when the network computes in int8, float32 otherwise', () => {
    const float = denseChain(33, [{ units: 4, activation: 'NONE' }], true, 'float32');
    const board = [getBoard('pico')];
    expect(profileBoards({ graph: float, tfliteBytes: 100 }, board, 'tflm-cmsis-nn')[0].precision).toBe(
      'float32',
    );
    const int8 = gestureClassifierGraph();
    expect(profileBoards({ graph: int8, tfliteBytes: 100 }, board, 'tflm-cmsis-nn')[0].precision).toBe(
      'int8',
    );
  });
});
