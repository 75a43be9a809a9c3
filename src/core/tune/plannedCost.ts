/**
 * The budget as a constraint before training: a candidate's network is planned, given placeholder weights of the
 * right shapes, exported and quantised to int8 as a trained one would be, and profiled on the target board with
 * the studio's MCU cost model (DSP cycles + per-op cycles, TFLite Micro's or the generated build's arena, flash
 * of weights and kernels). Latency, RAM and flash depend only on the shapes, so the plan costs what the trained
 * model will; the trained model is profiled again all the same (scoreCandidate.ts).
 */
import { framesPerWindow, subSampleStrideProblem } from '../dataset/windowing';
import { describeError } from '../errors';
import { describeImpulse } from '../impulse/generateFeatures';
import type { Impulse } from '../impulse/impulse';
import type { Graph } from '../ir/graph';
import { standardizationOf } from '../ir/standardize';
import { planArchitecture, type Architecture } from '../learn/architecture';
import { exportGraph } from '../learn/exportGraph';
import type { LayerWeights } from '../learn/tfModel';
import type { Board } from '../mcu/boards';
import type { Runtime } from '../mcu/cost';
import { prepareSubject, profileBoard } from '../mcu/profile';
import { formatKb } from '../mcu/profileBudget';
import type { BoardProfile } from '../mcu/profileTypes';
import { createCalibrator, quantizeGraph } from '../quant';
import { gaussian, seededRandom } from '../random';
import { writeTflite } from '../tflite';
import { layersOf } from './searchSpace';
import type { CandidateSpec, CostFigures, TuneBudget } from './tuneTypes';

/** Standardised inputs the placeholder network is calibrated on: a few are enough for valid int8 ranges. */
const CALIBRATION_ROWS = 4;

/** Weights of every conv and dense layer in tfjs's layouts (tfModel.ts), small seeded values. */
export function placeholderWeights(arch: Architecture, seed: number): LayerWeights[] {
  const rand = seededRandom(seed);
  const tensor = (kernelShape: number[], biasLength: number): LayerWeights => ({
    kernelShape,
    kernel: Float32Array.from({ length: kernelShape.reduce((a, b) => a * b, 1) }, () => rand() - 0.5),
    bias: Float32Array.from({ length: biasLength }, () => (rand() - 0.5) * 0.1),
  });
  const weights: LayerWeights[] = [];
  arch.layers.forEach((layer, i) => {
    const inShape = i > 0 ? arch.layers[i - 1].outputShape : layer.outputShape;
    const inChannels = inShape[inShape.length - 1];
    const out = layer.outputShape[layer.outputShape.length - 1];
    const spec = layer.spec;
    if (layer.type === 'dense' || layer.type === 'output') weights.push(tensor([inShape[0], out], out));
    else if (spec?.type === 'conv1d') weights.push(tensor([spec.kernelSize, inChannels, out], out));
    else if (spec?.type === 'conv2d')
      weights.push(tensor([spec.kernelSize, spec.kernelSize, inChannels, out], out));
    else if (spec?.type === 'separableConv') {
      const k = spec.kernelSize;
      weights.push(
        tensor(arch.style === 'conv1d' ? [1, k, inChannels, 1] : [k, k, inChannels, 1], inChannels),
      );
      weights.push(tensor([1, 1, inChannels, out], out));
    }
  });
  return weights;
}

/** The model description of a candidate's graph: the plan's and the trained model's are the same size. */
export function candidateDescription(impulse: Pick<Impulse, 'input' | 'dsp'>): string {
  const { windowSizeMs, windowStrideMs, frequencyHz } = impulse.input;
  return `TinyML Studio tuner — ${windowSizeMs} ms window every ${windowStrideMs} ms at ${frequencyHz} Hz, ${impulse.dsp.block} features`;
}

/** The int8 graph a trained network of this architecture becomes, with its `.tflite` size. */
export function plannedInt8Graph(
  arch: Architecture,
  seed: number,
  description: string,
): { graph: Graph; tfliteBytes: number } {
  const features = arch.layers[0].outputShape[0];
  const float: Graph = {
    ...exportGraph(arch, placeholderWeights(arch, seed), description),
    standardization: standardizationOf(new Float32Array(features), new Float32Array(features).fill(1)),
  };
  const calibrator = createCalibrator(float, { method: 'minmax' });
  const rand = seededRandom(seed + 1);
  for (let r = 0; r < CALIBRATION_ROWS; r++)
    calibrator.add(Float32Array.from({ length: features }, () => gaussian(rand)));
  const graph = quantizeGraph(float, calibrator.ranges(), { inputType: 'int8', outputType: 'int8' });
  return { graph, tfliteBytes: writeTflite(graph).length };
}

/** The figures the budget is checked on, from a board profile. */
export function costOf(profile: BoardProfile): CostFigures {
  return {
    latencyMs: profile.latencyMs.ms,
    ramBytes: profile.ram.usedBytes,
    flashBytes: profile.flash.usedBytes,
  };
}

/** Profiles an impulse's int8 network on the board under the runtime. */
export function profileCandidate(
  impulse: Pick<Impulse, 'input' | 'dsp'>,
  graph: Graph,
  tfliteBytes: number,
  board: Board,
  runtime: Runtime,
): BoardProfile {
  return profileBoard(prepareSubject({ graph, tfliteBytes, impulse }), board, runtime);
}

const KB = 1024;

/**
 * Why a profile does not fit the budget ("over budget: latency 31 ms > 20 ms; RAM 230.4 KB > 211.0 KB"), or why
 * it cannot be checked (a DSP the cost model cannot count); null when it fits.
 */
export function budgetProblem(profile: BoardProfile, budget: TuneBudget): string | null {
  if (profile.dspProblem) return `the DSP cannot be costed on the board: ${profile.dspProblem}`;
  const over: string[] = [];
  const latency = profile.latencyMs.ms;
  if (latency > budget.latencyMs)
    over.push(`latency ${latency.toFixed(latency < 10 ? 2 : 1)} ms > ${budget.latencyMs} ms`);
  if (profile.ram.usedBytes > budget.ramKb * KB)
    over.push(`RAM ${formatKb(profile.ram.usedBytes)} > ${formatKb(budget.ramKb * KB)}`);
  if (profile.flash.usedBytes > budget.flashKb * KB)
    over.push(`flash ${formatKb(profile.flash.usedBytes)} > ${formatKb(budget.flashKb * KB)}`);
  // The budget cannot exceed what the board leaves (tuneSettings.ts), so this only speaks when nothing else did.
  if (over.length === 0 && !profile.fits) over.push(profile.reason);
  return over.length > 0 ? `over budget: ${over.join('; ')}` : null;
}

/** What planning decided for one drawn point: its cost, and why it is not trained (absent: it is). */
export interface PlanVerdict {
  planned: CostFigures | null;
  rejected?: string;
}

export interface PlanContext {
  base: Pick<Impulse, 'input' | 'dsp'>;
  /** Classes of the training set: the size of the output layer. */
  classes: number;
  board: Board;
  runtime: Runtime;
  budget: TuneBudget;
  seed: number;
}

/** Costs a candidate from its planned architecture and DSP settings and checks it against the budget. */
export function planCandidate(spec: CandidateSpec, ctx: PlanContext): PlanVerdict {
  const impulse = {
    input: { ...ctx.base.input, windowSizeMs: spec.windowSizeMs, windowStrideMs: spec.windowStrideMs },
    dsp: { block: ctx.base.dsp.block, params: spec.dspParams },
  };
  let profile: BoardProfile;
  try {
    const stride = subSampleStrideProblem(impulse.input.windowStrideMs, impulse.input.frequencyHz);
    if (stride) return { planned: null, rejected: `not valid: ${stride}` };
    const window = {
      axes: impulse.input.axes.length,
      frames: framesPerWindow(impulse.input),
      frequencyHz: impulse.input.frequencyHz,
    };
    const { shape } = describeImpulse(impulse, window);
    const arch = planArchitecture(shape, layersOf(spec.network), {
      kind: 'classifier',
      classes: ctx.classes,
    });
    const { graph, tfliteBytes } = plannedInt8Graph(arch, ctx.seed, candidateDescription(impulse));
    profile = profileCandidate(impulse, graph, tfliteBytes, ctx.board, ctx.runtime);
  } catch (e) {
    return { planned: null, rejected: `not valid: ${describeError(e)}` };
  }
  const problem = budgetProblem(profile, ctx.budget);
  return problem ? { planned: costOf(profile), rejected: problem } : { planned: costOf(profile) };
}
