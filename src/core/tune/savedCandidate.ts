import { StudioError } from '../errors';
import type { Impulse } from '../impulse/impulse';
import type { TrainedModel, TrainingRun } from '../learn/trainedModel';
import { candidateImpulse } from './searchSpace';
import type { TunerRun } from './tuneTypes';

/**
 * A candidate as a new impulse of the project, with the model its latest training made (int8 included): what
 * "Save as impulse" stores, so that Testing, Profiling and Deployment take it at once.
 */
export function savedCandidate(
  run: TunerRun,
  candidateId: string,
  identity: { id: string; name: string },
  now: number,
): { impulse: Impulse; model: TrainedModel; trainingRun: TrainingRun } {
  const candidate = run.candidates.find((c) => c.id === candidateId);
  const model = run.models[candidateId];
  if (!candidate || !model || model.learn.kind === 'anomaly')
    throw new StudioError(
      'tune-no-model',
      `Candidate ${candidateId} has no trained model to save; train it first.`,
    );
  const impulse = {
    ...candidateImpulse(run.base, candidate.spec, model.learn.training.epochs, identity),
    createdAt: now,
    updatedAt: now,
  };
  return {
    impulse,
    model: {
      ...model,
      impulseId: impulse.id,
      projectId: impulse.projectId,
      learn: impulse.learn ?? model.learn,
    },
    trainingRun: {
      impulseId: impulse.id,
      projectId: impulse.projectId,
      status: 'completed',
      startedAt: now - model.durationMs,
      endedAt: now,
    },
  };
}

/** A run this page is not running but stored as running was cut off by a reload: it can be resumed. */
export function interruptedRun(run: TunerRun, now: number): TunerRun {
  if (run.status !== 'running') return run;
  return {
    ...run,
    status: 'cancelled',
    message: 'Interrupted: the page was closed or reloaded during the search. Resume to train the rest.',
    updatedAt: now,
  };
}
