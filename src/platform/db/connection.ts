import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { StudioError } from '../../core/errors';
import { toStorageError } from './errors';
import type { StudioSchema, StudioStoreName } from './schema';

export type StudioTransaction<
  Names extends StudioStoreName[],
  Mode extends IDBTransactionMode,
> = IDBPTransaction<StudioSchema, Names, Mode>;

/**
 * An open database plus the reason it was closed under us, if it was. Every operation runs through `run`,
 * which gives it exactly one transaction and turns every failure into a StudioError.
 */
export class DbConnection {
  private closedBy: StudioError | null = null;

  constructor(readonly db: IDBPDatabase<StudioSchema>) {}

  /** Called when the connection was closed by another tab or by the browser; later calls fail with `error`. */
  markClosed(error: StudioError): void {
    this.closedBy = error;
  }

  close(): void {
    this.db.close();
  }

  /**
   * Runs `body` in one transaction and resolves once the transaction has committed. If `body` throws, the
   * transaction is aborted, so nothing it wrote is kept. `body` may only await requests of `tx`: awaiting
   * anything else lets the transaction auto-commit early.
   */
  async run<Names extends StudioStoreName[], Mode extends IDBTransactionMode, T>(
    stores: Names,
    mode: Mode,
    action: string,
    body: (tx: StudioTransaction<Names, Mode>) => Promise<T>,
  ): Promise<T> {
    if (this.closedBy) throw this.closedBy;
    let tx: StudioTransaction<Names, Mode>;
    try {
      tx = this.db.transaction(stores, mode);
    } catch (e) {
      throw toStorageError(e, null, action);
    }
    // `done` rejects on any abort, possibly while `body` is still running; this handler keeps that from
    // being reported as unhandled. The failure itself reaches the caller through `body` or `await tx.done`.
    tx.done.catch(() => undefined);
    try {
      const result = await body(tx);
      await tx.done;
      return result;
    } catch (e) {
      abortIfActive(tx);
      await tx.done.catch(() => undefined);
      throw toStorageError(e, tx.error, action);
    }
  }
}

function abortIfActive(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // InvalidStateError: the transaction has already finished (committed or aborted by the failure).
  }
}
