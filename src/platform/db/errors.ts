import { StudioError } from '../../core/errors';

export const STORAGE_FULL_MESSAGE =
  "The browser's storage for this site is full: nothing was saved. " +
  'Free space by deleting samples or projects, or export the project first.';

function errorName(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string') return e.name;
  return undefined;
}

function describeCause(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

/**
 * Maps a failure inside a database operation to a StudioError. A full disk shows up either as the failing
 * request's error or only as the transaction's abort error (browsers report quota at commit time), so both
 * are checked.
 */
export function toStorageError(error: unknown, txError: DOMException | null, action: string): StudioError {
  if (error instanceof StudioError) return error;
  if (errorName(error) === 'QuotaExceededError' || errorName(txError) === 'QuotaExceededError') {
    return new StudioError('storage-full', STORAGE_FULL_MESSAGE, { cause: txError ?? error });
  }
  const cause = txError ?? error;
  return new StudioError('storage-error', `Could not ${action}: ${describeCause(cause)}`, { cause });
}

export function openError(error: unknown): StudioError {
  if (errorName(error) === 'VersionError') {
    return new StudioError(
      'db-version',
      'The saved data was written by a newer version of TinyML Studio. Reload the page to get the newest version.',
      { cause: error },
    );
  }
  return toStorageError(error, null, 'open the browser database');
}

export function dbBlockedError(): StudioError {
  return new StudioError(
    'db-blocked',
    'TinyML Studio is open in another tab with an older version that keeps the database in use. ' +
      'Close the other TinyML Studio tabs, then reload this page.',
  );
}

export function dbClosedError(reason: 'newer-version' | 'terminated'): StudioError {
  const what =
    reason === 'newer-version'
      ? 'The studio was updated in another tab'
      : 'The browser closed the database unexpectedly';
  return new StudioError(
    'db-closed',
    `${what}, so this tab has stopped saving (nothing it shows can overwrite newer data). Reload this page.`,
  );
}

export function notFoundError(what: 'project' | 'sample', id: string): StudioError {
  return new StudioError(
    'not-found',
    `The ${what} ${id} does not exist (it may have been deleted in another tab).`,
  );
}
