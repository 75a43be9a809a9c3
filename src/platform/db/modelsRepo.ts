import type { TrainedModel, TrainingRun } from '../../core/learn/trainedModel';
import type { DbConnection } from './connection';
import { corruptRecordError, recordProblem } from './storedRecords';

/** The impulse's model; rejects with 'corrupt-record' when the stored one fails validation. */
export function getModel(conn: DbConnection, impulseId: string): Promise<TrainedModel | undefined> {
  return conn.run(['models'], 'readonly', 'read the trained model', async (tx) => {
    const model: unknown = await tx.objectStore('models').get(impulseId);
    if (model === undefined) return undefined;
    const why = recordProblem('model', model);
    if (why !== null) throw corruptRecordError('model', impulseId, why);
    return model as TrainedModel;
  });
}

/** Replaces the impulse's model and marks its run completed, together: a model never lands half-way. */
export function saveModel(conn: DbConnection, model: TrainedModel, run: TrainingRun): Promise<void> {
  return conn.run(['models', 'trainingRuns'], 'readwrite', 'save the trained model', async (tx) => {
    await Promise.all([tx.objectStore('models').put(model), tx.objectStore('trainingRuns').put(run)]);
  });
}

/** Updates the model in place (e.g. adding its int8 version) without touching its run. */
export function putModel(conn: DbConnection, model: TrainedModel): Promise<void> {
  return conn.run(['models'], 'readwrite', 'save the model', async (tx) => {
    await tx.objectStore('models').put(model);
  });
}

export function getTrainingRun(conn: DbConnection, impulseId: string): Promise<TrainingRun | undefined> {
  return conn.run(['trainingRuns'], 'readonly', 'read the training run', (tx) =>
    tx.objectStore('trainingRuns').get(impulseId),
  );
}

export function putTrainingRun(conn: DbConnection, run: TrainingRun): Promise<void> {
  return conn.run(['trainingRuns'], 'readwrite', 'save the training run', async (tx) => {
    await tx.objectStore('trainingRuns').put(run);
  });
}

/**
 * Runs still marked 'running' belong to a page that was closed or reloaded mid-training: they are marked
 * cancelled (the previous model, if any, was never replaced). Returns how many were.
 */
export function cancelInterruptedRuns(conn: DbConnection, projectId: string, now: number): Promise<number> {
  return conn.run(['trainingRuns'], 'readwrite', 'close interrupted training runs', async (tx) => {
    const store = tx.objectStore('trainingRuns');
    const running = (await store.index('byProject').getAll(projectId)).filter((r) => r.status === 'running');
    await Promise.all(
      running.map((r) =>
        store.put({
          ...r,
          status: 'cancelled',
          endedAt: now,
          message: 'Interrupted: the page was closed or reloaded during training.',
        }),
      ),
    );
    return running.length;
  });
}
