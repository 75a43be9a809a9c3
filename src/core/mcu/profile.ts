/**
 * A model's or an impulse's profile on a board (issue 17, DESIGN.md §7): latency (DSP + network + anomaly score
 * under each runtime), the arena (TFLite Micro's and the generated build's), RAM = arena + DSP buffers + input
 * window + runtime statics, flash = model + kernel code per op type + runtime, each against what the board leaves
 * after its own firmware, whether it fits and why, and the per-layer table.
 */
import { framesPerWindow } from '../dataset/windowing';
import type { WindowShape } from '../dsp/block';
import { describeImpulse } from '../impulse/generateFeatures';
import type { Impulse } from '../impulse/impulse';
import type { Graph } from '../ir/graph';
import type { AnomalyModel } from '../learn/trainedModel';
import type { Board } from './boards';
import { modelFlash, tfliteMicroStatics } from './codeSize';
import { estimateAnomaly } from './costAnomaly';
import { estimateModel, RUNTIMES, type ModelEstimate, type Runtime } from './cost';
import { estimateDsp } from './dspCost';
import { dspBuild, type DspBuild } from './dspBuild';
import { describeError } from '../errors';
import { layerRows } from './profileLayers';
import { budget, fitVerdict } from './profileBudget';
import { ArenaPlans, arenaFigures, type ArenaFigures } from './profileArena';
import type { BoardProfile, BytesPart, MsFigure } from './profileTypes';
import { tensorBytes } from './tensorLifetimes';

export interface ProfileSubject {
  /** The network (int8 or float32 graph); null for a k-means learning block. */
  graph: Graph | null;
  /** Bytes of the network's `.tflite` file (what TFLite Micro keeps in flash). */
  tfliteBytes: number;
  /** The impulse around the network (adds the DSP); absent for a bare model. */
  impulse?: Pick<Impulse, 'input' | 'dsp' | 'learn'>;
  /** The k-means model of an anomaly learning block (its centres go into flash). */
  anomaly?: AnomalyModel;
}

/** What does not depend on the board: the arena plan and the DSP's build. */
export interface PreparedSubject extends ProfileSubject {
  arenas: ArenaPlans | null;
  dsp: DspBuild | { problem: string } | null;
}

export function prepareSubject(subject: ProfileSubject): PreparedSubject {
  return {
    ...subject,
    arenas: subject.graph === null ? null : new ArenaPlans(subject.graph),
    dsp: subject.impulse === undefined ? null : dspBuild(subject.impulse),
  };
}

/** Where the network's cycles come from: counted instructions of the generated C, or fitted loop counts. */
function nnSource(estimate: ModelEstimate, board: Board, runtime: Runtime): string {
  if (runtime === 'studio-generated')
    return (
      `Σ per-op cycles of the generated kernels' compiled instructions priced on the ${board.core} at ` +
      `${board.clockMhz} MHz (checked against QEMU's instruction count on a Cortex-M4)`
    );
  return `Σ per-op cycles of the kernels' loops and ${RUNTIMES.find((r) => r.id === runtime)!.title} overhead at ${board.clockMhz} MHz, × ${estimate.efficiency.toFixed(3)} (${efficiencyNote(estimate, board)})`;
}

function efficiencyNote(estimate: { calibrated: boolean }, board: Board): string {
  return estimate.calibrated
    ? `fitted on this core's TFLM + CMSIS-NN measurements`
    : `no measurement on a ${board.core}: the fitted cores' mean efficiency`;
}

function windowOf(impulse: Pick<Impulse, 'input'>): WindowShape {
  return {
    axes: impulse.input.axes.length,
    frames: framesPerWindow(impulse.input),
    frequencyHz: impulse.input.frequencyHz,
  };
}

interface Latency {
  dsp: MsFigure | null;
  dspProblem: string | null;
  nn: ModelEstimate | null;
  anomaly: MsFigure | null;
  totalMs: number;
}

function latency(subject: PreparedSubject, board: Board, runtime: Runtime): Latency {
  const impulse = subject.impulse;
  let dsp: MsFigure | null = null;
  let dspProblem: string | null = null;
  if (impulse) {
    try {
      const e = estimateDsp(board, impulse.dsp.block, impulse.dsp.params, windowOf(impulse));
      dsp = {
        ms: e.ms,
        accuracy: 'estimated',
        from: `${e.block} instruction counts of the generated DSP C priced on the ${board.core} (${e.fpu ? 'FPU' : 'software float'})`,
      };
    } catch (e) {
      dspProblem = describeError(e);
    }
  }
  const nn = subject.graph === null ? null : estimateModel(board, subject.graph, runtime);
  let anomaly: MsFigure | null = null;
  if (impulse?.learn?.kind === 'anomaly') {
    const learn = impulse.learn;
    // No chosen features means all of them (learn/anomaly.ts).
    const features = learn.featureIndices.length || describeImpulse(impulse, windowOf(impulse)).featureCount;
    anomaly = {
      ms: estimateAnomaly(board, learn.clusters, features).ms,
      accuracy: 'estimated',
      from: `distance to ${learn.clusters} centres over ${features} features, float32`,
    };
  }
  return { dsp, dspProblem, nn, anomaly, totalMs: (dsp?.ms ?? 0) + (nn?.ms ?? 0) + (anomaly?.ms ?? 0) };
}

function ramParts(subject: PreparedSubject, runtime: Runtime, arena: BytesPart): BytesPart[] {
  const parts: BytesPart[] = [arena];
  const graph = subject.graph;
  if (graph !== null && runtime !== 'studio-generated') parts.push(tfliteMicroStatics(graph));
  if (graph !== null && runtime === 'studio-generated') {
    const io = [...graph.inputs, ...graph.outputs].map((i) => graph.tensors[i]);
    parts.push({
      name: 'model input and output buffers',
      bytes: io.reduce((sum, t) => sum + tensorBytes(t), 0),
      accuracy: 'exact',
      from: "the generated code reads its input from and writes its output to the caller's buffers, outside its arena",
    });
  }
  if (subject.dsp && 'ram' in subject.dsp) parts.push(...subject.dsp.ram);
  if (subject.anomaly) {
    const features = subject.anomaly.mean.length;
    parts.push({
      name: 'anomaly score features',
      bytes: 4 * features,
      accuracy: 'exact',
      from: `${features} standardised float32 features`,
    });
  }
  return parts.filter((p) => p.bytes > 0);
}

function flashParts(subject: PreparedSubject, runtime: Runtime): BytesPart[] {
  const parts: BytesPart[] =
    subject.graph === null ? [] : modelFlash(subject.graph, runtime, subject.tfliteBytes);
  if (subject.dsp && 'flash' in subject.dsp) parts.push(...subject.dsp.flash);
  if (subject.anomaly) {
    const a = subject.anomaly;
    const dims = a.clusters[0]?.center.length ?? a.mean.length;
    parts.push({
      name: `k-means centres (${a.clusters.length} × ${dims})`,
      bytes: 4 * (a.clusters.length * (dims + 1) + 2 * a.mean.length + a.featureIndices.length),
      accuracy: 'exact',
      from: 'float32 centres and radii, the features’ mean and standard deviation, the chosen feature indices',
    });
  }
  return parts.filter((p) => p.bytes > 0);
}

const NO_NETWORK: BytesPart = { name: 'tensor arena', bytes: 0, accuracy: 'exact', from: 'no network' };
const NO_ARENA: ArenaFigures = { tfliteMicro: NO_NETWORK, generated: NO_NETWORK, used: NO_NETWORK, plan: [] };

/** The profile of a prepared subject on one board under one runtime. */
export function profileBoard(subject: PreparedSubject, board: Board, runtime: Runtime): BoardProfile {
  const byRuntime = Object.fromEntries(
    RUNTIMES.map((r) => [r.id, r.id === runtime ? null : latency(subject, board, r.id).totalMs]),
  ) as Record<Runtime, number | null>;
  const own = latency(subject, board, runtime);
  byRuntime[runtime] = own.totalMs;
  const latencyByRuntime = byRuntime as Record<Runtime, number>;
  const totals = Object.values(latencyByRuntime);
  const nnMs: MsFigure | null =
    own.nn === null
      ? null
      : {
          ms: own.nn.ms,
          accuracy: 'estimated',
          from: nnSource(own.nn, board, runtime),
        };
  const arena = subject.arenas === null ? NO_ARENA : arenaFigures(subject.arenas, board, runtime);
  const ram = budget(ramParts(subject, runtime, arena.used), board.ramKb, board.runtime.ramKb, board.runtime);
  const flash = budget(flashParts(subject, runtime), board.flashKb, board.runtime.flashKb, board.runtime);
  const verdict = fitVerdict(ram, flash, board);
  const parts = [own.dsp, nnMs, own.anomaly].filter((p): p is MsFigure => p !== null);
  return {
    board: board.id,
    boardName: board.name,
    core: board.core,
    clockMhz: board.clockMhz,
    runtime,
    precision: subject.graph === null ? 'none' : graphPrecision(subject.graph),
    dspMs: own.dsp,
    dspProblem: own.dspProblem,
    nnMs,
    anomalyMs: own.anomaly,
    latencyMs: {
      ms: own.totalMs,
      accuracy: 'estimated',
      from:
        parts.length > 1 ? 'DSP + network + anomaly score, one window' : (parts[0]?.from ?? 'nothing to run'),
    },
    latencyByRuntime,
    latencyRangeMs: [Math.min(...totals), Math.max(...totals)],
    calibrated: own.nn?.calibrated ?? true,
    arena: { tfliteMicro: arena.tfliteMicro, generated: arena.generated, used: arena.used },
    plan: arena.plan,
    ram,
    flash,
    fits: verdict.fits,
    reason: verdict.reason,
    layers: own.nn === null || subject.graph === null ? [] : layerRows(subject.graph, own.nn, arena.plan),
  };
}

/** int8 when any op computes in int8 (a model with float32 input and output around int8 ops is int8). */
function graphPrecision(graph: Graph): 'int8' | 'float32' {
  return graph.tensors.some((t) => t.data === undefined && t.dtype === 'int8') ? 'int8' : 'float32';
}

/** The subject on each board under one runtime. */
export function profileBoards(
  subject: ProfileSubject,
  boards: readonly Board[],
  runtime: Runtime,
): BoardProfile[] {
  const prepared = prepareSubject(subject);
  return boards.map((b) => profileBoard(prepared, b, runtime));
}
