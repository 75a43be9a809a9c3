/**
 * The arena a profile counts: TensorFlow Lite Micro's with the kernels the runtime links on the board (arena.ts:
 * reference, CMSIS-NN with or without the DSP extension), or the generated build's. Helium and the ESP32-S3's
 * esp-nn are not modelled by the planner: the nearest build stands in for them and the figure says so.
 */
import type { Graph } from '../ir/graph';
import { planArena, type ArenaReport, type PlannedBuffer, type TfliteMicroKernels } from './arena';
import type { Board } from './boards';
import { kernelSimd, type Runtime } from './cost';
import type { BytesPart } from './profileTypes';

/** planArena per kernel build, computed once per graph. */
export class ArenaPlans {
  private readonly plans = new Map<TfliteMicroKernels, ArenaReport>();

  constructor(private readonly graph: Graph) {}

  get(kernels: TfliteMicroKernels): ArenaReport {
    let plan = this.plans.get(kernels);
    if (!plan) {
      plan = planArena(this.graph, { mcuKernels: kernels });
      this.plans.set(kernels, plan);
    }
    return plan;
  }
}

/** The TFLM kernels of a runtime on a board, and what stands in for a build the planner does not know. */
function kernelsOn(board: Board, runtime: Runtime): { kernels: TfliteMicroKernels; standIn: string | null } {
  if (runtime !== 'tflm-cmsis-nn') return { kernels: 'reference', standIn: null };
  const simd = kernelSimd(board, runtime);
  if (simd === 'dsp') return { kernels: 'cmsis-nn', standIn: null };
  if (simd === 'none') return { kernels: 'cmsis-nn-no-dsp', standIn: null };
  if (simd === 'helium')
    return {
      kernels: 'cmsis-nn',
      standIn: "CMSIS-NN's Helium scratch is not modelled: its DSP build's is taken",
    };
  return {
    kernels: 'reference',
    standIn: "esp-nn's scratch is not modelled: the reference kernels' plan is taken",
  };
}

export interface ArenaFigures {
  tfliteMicro: BytesPart;
  generated: BytesPart;
  /** The runtime's own arena. */
  used: BytesPart;
  plan: PlannedBuffer[];
}

export function arenaFigures(plans: ArenaPlans, board: Board, runtime: Runtime): ArenaFigures {
  const { kernels, standIn } = kernelsOn(board, runtime);
  const report = plans.get(kernels);
  const t = report.tfliteMicro.mcu32;
  const tfliteMicro: BytesPart = {
    name: 'tensor arena (TFLite Micro)',
    bytes: t.total.bytes,
    accuracy: standIn === null ? t.total.accuracy : 'estimated',
    from: `head ${t.head.bytes} B: ${t.head.from}; tail ${t.tail.bytes} B: ${t.tail.from}${standIn ? `; ${standIn}` : ''}`,
  };
  const generated: BytesPart = {
    name: 'tensor arena (generated C)',
    bytes: report.generated.arena.bytes,
    accuracy: report.generated.arena.accuracy,
    from: report.generated.arena.from,
  };
  return runtime === 'studio-generated'
    ? { tfliteMicro, generated, used: generated, plan: report.generated.buffers }
    : { tfliteMicro, generated, used: tfliteMicro, plan: t.buffers };
}
