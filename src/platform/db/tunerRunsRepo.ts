import { StudioError } from '../../core/errors';
import type { TunerRun, TunerRunStatus } from '../../core/tune/tuneTypes';
import type { DbConnection } from './connection';
import { recordProblem } from './storedRecords';

const STATUSES: readonly TunerRunStatus[] = ['running', 'completed', 'cancelled', 'failed'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a stored tuner run cannot be shown or resumed, or null: what the tuner relies on, checked as it loads. */
export function tunerRunProblem(value: unknown): string | null {
  if (!isObject(value)) return 'expected an object';
  if (typeof value.projectId !== 'string' || value.projectId === '') return 'projectId: expected an id';
  if (!STATUSES.includes(value.status as TunerRunStatus))
    return `status: expected one of ${STATUSES.join(', ')}`;
  const base = recordProblem('impulse', value.base);
  if (base) return `base: ${base}`;
  const settings = value.settings;
  if (!isObject(settings) || !isObject(settings.budget) || typeof settings.board !== 'string')
    return 'settings: expected the board, the budget and the search settings';
  if (!Array.isArray(value.labels) || !value.labels.every((l) => typeof l === 'string'))
    return 'labels: expected a list of text';
  if (
    !Array.isArray(value.candidates) ||
    !value.candidates.every((c) => isObject(c) && typeof c.id === 'string' && isObject(c.spec))
  )
    return 'candidates: expected a list of candidates with an id and a spec';
  if (
    !Array.isArray(value.evaluations) ||
    !value.evaluations.every(
      (e) => isObject(e) && typeof e.candidateId === 'string' && typeof e.rung === 'number',
    )
  )
    return 'evaluations: expected a list of trainings with a candidate and a rung';
  if (!isObject(value.models)) return 'models: expected an object';
  for (const [id, model] of Object.entries(value.models)) {
    const problem = recordProblem('model', model);
    if (problem) return `models.${id}: ${problem}`;
  }
  return null;
}

/** The project's latest tuner run; rejects with 'corrupt-record' when the stored one fails the checks. */
export function getTunerRun(conn: DbConnection, projectId: string): Promise<TunerRun | undefined> {
  return conn.run(['tunerRuns'], 'readonly', 'read the tuner run', async (tx) => {
    const run: unknown = await tx.objectStore('tunerRuns').get(projectId);
    if (run === undefined) return undefined;
    const why = tunerRunProblem(run);
    if (why !== null)
      throw new StudioError(
        'corrupt-record',
        `The stored tuner run of this project could not be read (${why}): start a new search to replace it.`,
      );
    return run as TunerRun;
  });
}

/** Replaces the project's tuner run (a run is written whole after each training, so it never lands half-way). */
export function putTunerRun(conn: DbConnection, run: TunerRun): Promise<void> {
  return conn.run(['tunerRuns'], 'readwrite', 'save the tuner run', async (tx) => {
    await tx.objectStore('tunerRuns').put(run);
  });
}
