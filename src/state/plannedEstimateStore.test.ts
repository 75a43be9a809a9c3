import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlannedEstimate } from '../core/tune/plannedEstimate';
import type { PlannedEstimateJob } from '../../workers/mcuApi';

const estimatePlanned = vi.fn<(job: PlannedEstimateJob) => Promise<PlannedEstimate>>();
vi.mock('../platform/workers/mcuClient', () => ({ mcuWorker: () => ({ estimatePlanned }) }));

const { ESTIMATE_DEBOUNCE_MS, usePlannedEstimate } = await import('./plannedEstimateStore');

const jobWith = (filters: number): PlannedEstimateJob =>
  ({
    impulse: { input: {}, dsp: { block: 'mfcc', params: {} } },
    arch: { layers: [{ type: 'separableConv', filters }] },
    board: 'nano33ble',
    runtime: 'tflm-cmsis-nn',
  }) as unknown as PlannedEstimateJob;

const figures = (latencyMs: number) => ({ latencyMs }) as PlannedEstimate;

beforeEach(() => {
  vi.useFakeTimers();
  estimatePlanned.mockReset();
  usePlannedEstimate.getState().clear();
});
afterEach(() => vi.useRealTimers());

describe('the planned-model estimate store', () => {
  it('asks the worker once for a burst of edits, with the last one', async () => {
    estimatePlanned.mockResolvedValue(figures(1));
    const { request } = usePlannedEstimate.getState();
    request(jobWith(1));
    request(jobWith(16));
    request(jobWith(64));
    await vi.advanceTimersByTimeAsync(ESTIMATE_DEBOUNCE_MS - 1);
    expect(estimatePlanned).not.toHaveBeenCalled();
    expect(usePlannedEstimate.getState().status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(estimatePlanned).toHaveBeenCalledTimes(1);
    expect(estimatePlanned.mock.calls[0][0]).toEqual(jobWith(64));
    expect(usePlannedEstimate.getState()).toMatchObject({ status: 'done', estimate: figures(1) });
  });

  it('does not estimate the same job twice', async () => {
    estimatePlanned.mockResolvedValue(figures(2));
    usePlannedEstimate.getState().request(jobWith(8));
    await vi.advanceTimersByTimeAsync(ESTIMATE_DEBOUNCE_MS);
    usePlannedEstimate.getState().request(jobWith(8));
    await vi.advanceTimersByTimeAsync(ESTIMATE_DEBOUNCE_MS);
    expect(estimatePlanned).toHaveBeenCalledTimes(1);
  });

  it('drops an estimate that arrives after a newer edit, keeping the shown one until the newer lands', async () => {
    let finishFirst!: (e: PlannedEstimate) => void;
    estimatePlanned.mockImplementationOnce(() => new Promise((r) => (finishFirst = r)));
    estimatePlanned.mockResolvedValueOnce(figures(20));
    usePlannedEstimate.getState().request(jobWith(8));
    await vi.advanceTimersByTimeAsync(ESTIMATE_DEBOUNCE_MS);
    usePlannedEstimate.getState().request(jobWith(16));
    finishFirst(figures(10));
    await vi.advanceTimersByTimeAsync(0);
    expect(usePlannedEstimate.getState()).toMatchObject({ status: 'pending', estimate: null });
    await vi.advanceTimersByTimeAsync(ESTIMATE_DEBOUNCE_MS);
    expect(usePlannedEstimate.getState()).toMatchObject({ status: 'done', estimate: figures(20) });
  });

  it('reports the worker’s error, and a cleared plan drops a pending estimate', async () => {
    estimatePlanned.mockRejectedValueOnce(new Error('worker crashed'));
    usePlannedEstimate.getState().request(jobWith(8));
    await vi.advanceTimersByTimeAsync(ESTIMATE_DEBOUNCE_MS);
    expect(usePlannedEstimate.getState()).toMatchObject({ status: 'error', error: 'worker crashed' });
    usePlannedEstimate.getState().request(jobWith(4));
    usePlannedEstimate.getState().clear();
    await vi.advanceTimersByTimeAsync(ESTIMATE_DEBOUNCE_MS);
    expect(estimatePlanned).toHaveBeenCalledTimes(1);
    expect(usePlannedEstimate.getState().status).toBe('idle');
  });
});
