/**
 * One candidate end to end, as the training worker's jobs do it: train the network on the candidate's features,
 * quantise it to int8 (min/max calibration on the training windows), test both precisions on the testing windows,
 * then profile the int8 model on the target board and check it against the budget again.
 */
import { StudioError } from '../errors';
import type { Impulse } from '../impulse/impulse';
import { comparePrecisions, quantizeTrained } from '../learn/quantizeTrained';
import { DEFAULT_QUANTIZE } from '../learn/quantizeSettings';
import type { ImpulseTrainingSet } from '../learn/trainImpulse';
import { trainImpulse } from '../learn/trainImpulse';
import type { TrainedModel } from '../learn/trainedModel';
import type { Board } from '../mcu/boards';
import type { Runtime } from '../mcu/cost';
import { yieldToEventLoop } from '../yieldToEventLoop';
import { budgetProblem, candidateDescription, costOf, profileCandidate } from './plannedCost';
import type { Evaluation, TuneBudget } from './tuneTypes';

export type ScorePhase = 'training' | 'quantising' | 'testing' | 'profiling';

export interface ScoreInput {
  /** The candidate's impulse, its learning block set for this rung's epochs (searchSpace.ts candidateImpulse). */
  impulse: Impulse;
  train: ImpulseTrainingSet;
  /** The testing windows and their labels; null without testing samples. */
  test: { rows: Float32Array[]; labels: string[] } | null;
  board: Board;
  runtime: Runtime;
  budget: TuneBudget;
  /** The tfjs backend registered by the caller, recorded with the model. */
  backend: string;
  signal?: AbortSignal;
  onProgress?: (phase: ScorePhase, fraction: number) => void;
}

export interface ScoreResult {
  model: TrainedModel;
  evaluation: Omit<Evaluation, 'candidateId' | 'rung' | 'durationMs'>;
}

const cancelled = () => new StudioError('cancelled', 'The candidate’s training was cancelled.');

export async function scoreCandidate(input: ScoreInput): Promise<ScoreResult> {
  const { impulse, signal } = input;
  const learn = impulse.learn;
  if (!learn || learn.kind !== 'classifier')
    throw new StudioError('tune-learn', 'The tuner trains classifiers only.');
  const progress = input.onProgress ?? (() => undefined);
  const trained = await trainImpulse(input.train, {
    impulseId: impulse.id,
    projectId: impulse.projectId,
    learn,
    backend: input.backend,
    description: candidateDescription(impulse),
    signal,
    onEpoch: (log, total) => progress('training', log.epoch / total),
  });
  progress('quantising', 0);
  const int8 = await quantizeTrained(trained, input.train.rows, DEFAULT_QUANTIZE, {
    signal,
    onProgress: (done, total) => progress('quantising', done / (total ?? input.train.rows.length)),
  });
  if (input.test && input.test.rows.length > 0) {
    progress('testing', 0);
    int8.comparison = await comparePrecisions(trained, int8, input.test.rows, input.test.labels, { signal });
  }
  await yieldToEventLoop();
  if (signal?.aborted) throw cancelled();
  progress('profiling', 0);
  const profile = profileCandidate(impulse, int8.graph, int8.int8Bytes, input.board, input.runtime);
  const comparison = int8.comparison;
  const validation = trained.validation;
  return {
    model: { ...trained, int8 },
    evaluation: {
      epochs: learn.training.epochs,
      status: 'done',
      valAccuracy: validation.kind === 'classifier' ? validation.accuracy : null,
      test: {
        float: comparison?.float.accuracy ?? null,
        int8: comparison?.int8.accuracy ?? null,
        windows: comparison?.windows ?? 0,
      },
      cost: costOf(profile),
      overBudget: budgetProblem(profile, input.budget),
    },
  };
}
