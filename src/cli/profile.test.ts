import { beforeAll, describe, expect, it } from 'vitest';
import { deployableBoards } from '../core/mcu/boards';
import { fakeIo } from './fakeIo';
import { runCli } from './run';
import { gestureProjectZip, KWS_TFLITE as KWS } from './testProject';

const KEYS = [
  'board',
  'clockMHz',
  'runtime',
  'dspMs',
  'nnMs',
  'latencyMs',
  'latencyRangeMs',
  'arenaBytes',
  'ramBytes',
  'flashBytes',
  'ramAvailableBytes',
  'flashAvailableBytes',
  'fits',
  'reason',
  'layers',
];

interface BoardJson {
  board: string;
  runtime: string;
  dspMs: number | null;
  nnMs: number | null;
  latencyMs: number;
  latencyRangeMs: [number, number];
  ramBytes: number;
  fits: boolean;
  layers: { kind: string; macs: number }[];
}

async function profile(args: string[], files: Record<string, Uint8Array> = {}) {
  const t = fakeIo(files);
  const code = await runCli(['profile', ...args], t.io);
  return { code, ...t, json: () => JSON.parse(t.out[0]) as BoardJson[] };
}

let zip: Uint8Array;
beforeAll(async () => {
  zip = await gestureProjectZip({ withAnomaly: true });
}, 60_000);

describe('studio profile', () => {
  it('KWS on the NUCLEO-L4R5ZI: TFLM + CMSIS-NN within ±15 % of the published 181.9 ms', async () => {
    const r = await profile([KWS, '--board', 'nucleo-l4r5zi', '--json']);
    expect(r.code).toBe(0);
    const boards = r.json();
    expect(boards).toHaveLength(1);
    expect(Object.keys(boards[0])).toEqual(KEYS);
    const [nucleo] = boards;
    expect(nucleo).toMatchObject({ board: 'nucleo-l4r5zi', clockMHz: 120, runtime: 'cmsis-nn', dspMs: null });
    expect(Math.abs(nucleo.latencyMs / 181.9 - 1)).toBeLessThanOrEqual(0.15);
    expect(nucleo.nnMs).toBe(nucleo.latencyMs);
    expect(nucleo.latencyRangeMs[0]).toBeLessThanOrEqual(nucleo.latencyMs);
    expect(nucleo.latencyRangeMs[1]).toBeGreaterThan(nucleo.latencyMs);
    expect(nucleo.layers.map((l) => l.kind)).toContain('DEPTHWISE_CONV_2D');
    // The published count: ≈ 2.66 M MACs.
    expect(nucleo.layers.reduce((s, l) => s + l.macs, 0) / 1e6).toBeCloseTo(2.66, 1);
    expect(r.err.join('\n')).toContain('a synthetic int8 input, seed 1');
  });

  it('every deployable board by default, each runtime by its CLI name', async () => {
    for (const runtime of ['tflm', 'cmsis-nn', 'generated']) {
      const r = await profile([KWS, '--runtime', runtime, '--json']);
      expect(r.code).toBe(0);
      const boards = r.json();
      expect(boards.map((b) => b.board)).toEqual(deployableBoards().map((b) => b.id));
      expect(boards.every((b) => b.runtime === runtime)).toBe(true);
    }
    const tflm = (await profile([KWS, '--board', 'pico', '--runtime', 'tflm', '--json'])).json()[0];
    const generated = (await profile([KWS, '--board', 'pico', '--runtime', 'generated', '--json'])).json()[0];
    expect(generated.ramBytes).toBeLessThan(tflm.ramBytes);
  });

  it('prints a table without --json', async () => {
    const r = await profile([KWS, '--board', 'nano33ble']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^board\s+MHz\s+latency ms/);
    expect(r.out[1]).toMatch(/^nano33ble\s+64\s+\d+/);
  });

  it('a project impulse: the int8 model on a real window, with its DSP', async () => {
    const r = await profile(
      ['--project', 'p.zip', '--impulse', 'Gestures', '--board', 'nano33ble', '--json'],
      {
        'p.zip': zip,
      },
    );
    expect(r.err.at(-1)).toContain('ran the int8 model');
    expect(r.err.at(-1)).toContain('on the first window of sample "');
    expect(r.code).toBe(0);
    const [nano] = r.json();
    expect(nano.dspMs).toBeGreaterThan(0);
    expect(nano.latencyMs).toBeCloseTo(nano.dspMs! + nano.nnMs!, 9);
    const float = (
      await profile(
        ['--project', 'p.zip', '--impulse', 'Gestures', '--float32', '--board', 'nano33ble', '--json'],
        {
          'p.zip': zip,
        },
      )
    ).json()[0];
    expect(float.ramBytes).toBeGreaterThan(nano.ramBytes);
    const anomaly = await profile(
      ['--project', 'p.zip', '--impulse', 'Anomaly', '--board', 'pico', '--json'],
      {
        'p.zip': zip,
      },
    );
    expect(anomaly.code).toBe(0);
    expect(anomaly.json()[0]).toMatchObject({ nnMs: null, layers: [] });
  });

  it('says what is wrong', async () => {
    const usage = await profile([]);
    expect(usage.code).toBe(2);
    expect(usage.err[0]).toContain('profile needs one model file');
    const board = await profile([KWS, '--board', 'uno']);
    expect(board.code).toBe(2);
    expect(board.err[0]).toContain('Unknown board "uno": use one of nano33ble');
    const runtime = await profile([KWS, '--runtime', 'tvm']);
    expect(runtime.err[0]).toContain('--runtime must be one of tflm, cmsis-nn, generated');
    const untrained = await profile(['--project', 'p.zip', '--impulse', 'Untrained'], { 'p.zip': zip });
    expect(untrained.code).toBe(1);
    expect(untrained.err[0]).toBe(
      'profile: the impulse "Untrained" has no trained model: train it first (studio train)',
    );
    const missing = await profile(['--project', 'p.zip', '--impulse', 'Nope'], { 'p.zip': zip });
    expect(missing.err[0]).toContain(
      'has no impulse named "Nope" (it has "Gestures", "Untrained", "Anomaly")',
    );
    const notModel = await profile(['x.tflite'], { 'x.tflite': new Uint8Array(16) });
    expect(notModel.code).toBe(1);
    expect(notModel.err[0]).toContain('x.tflite: this is not a TensorFlow Lite model');
  });
});
