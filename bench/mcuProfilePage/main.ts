/**
 * The MCU profile benchmark page: the studio's own MCU worker (workers/mcu.worker.ts, through the page's client)
 * profiles a `.tflite` on every deployable board, the way the Profiling page does. One warm-up run starts the
 * worker and loads its modules; the figure is the median of the timed runs, round trip as the page sees it.
 */
import { proxy, transfer } from 'comlink';
import { mcuWorker } from '../../src/platform/workers/mcuClient';

export interface McuBenchResults {
  medianMs: number;
  /** The worker's own time for the same runs (reading, proving, profiling), median. */
  workerMedianMs: number;
  runs: number;
  boards: number;
  runtimes: number;
}

declare global {
  interface Window {
    startMcuBench?: (model: { name: string; bytes: number[] }) => void;
    mcuBenchResults?: McuBenchResults;
    mcuBenchError?: string;
  }
}

const RUNS = 15;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function profileOnce(name: string, bytes: number[]) {
  const copy = Uint8Array.from(bytes);
  const t0 = performance.now();
  const result = await mcuWorker().profileTflite(
    transfer(copy, [copy.buffer]),
    name,
    undefined,
    proxy(() => undefined),
  );
  return { ms: performance.now() - t0, result };
}

window.startMcuBench = ({ name, bytes }) => {
  void (async () => {
    await profileOnce(name, bytes);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await profileOnce(name, bytes));
    const { profiles } = runs[0].result.reports[0];
    window.mcuBenchResults = {
      medianMs: median(runs.map((r) => r.ms)),
      workerMedianMs: median(runs.map((r) => r.result.durationMs)),
      runs: RUNS,
      boards: profiles['tflm-cmsis-nn'].length,
      runtimes: Object.keys(profiles).length,
    };
  })().catch((e: unknown) => (window.mcuBenchError = e instanceof Error ? e.message : String(e)));
};
