import { openDB, type IDBPDatabase } from 'idb';
import type { StudioError } from '../../core/errors';
import { DbConnection } from './connection';
import { dbBlockedError, dbClosedError, openError } from './errors';
import { applyMigrations, type Migration } from './migrations';
import type { StudioSchema } from './schema';

export interface OpenHooks {
  /** Called when the connection is closed under us (newer version in another tab, or by the browser). */
  onClosed?: (error: StudioError) => void;
  /**
   * Called when another tab holds an older version open and does not let go. With this hook the open keeps
   * waiting (the page asks the user to close that tab) and resolves once it can; without it, it rejects.
   */
  onBlocked?: () => void;
}

/**
 * Opens `name` at version `migrations.length`, running the missing migration steps. When another tab holds
 * an older version open and does not let go, calls `hooks.onBlocked` and waits, or without that hook rejects
 * with 'db-blocked'.
 */
export function openConnection(
  name: string,
  migrations: readonly Migration[],
  hooks: OpenHooks = {},
): Promise<DbConnection> {
  let connection: DbConnection | undefined;
  const closeBecause = (reason: 'newer-version' | 'terminated') => {
    const error = dbClosedError(reason);
    connection?.markClosed(error);
    hooks.onClosed?.(error);
  };

  return new Promise<DbConnection>((resolve, reject) => {
    let gaveUp = false;
    openDB<StudioSchema>(name, migrations.length, {
      upgrade(db, oldVersion, _newVersion, tx) {
        applyMigrations(migrations, db, tx, oldVersion);
      },
      blocked() {
        if (hooks.onBlocked) {
          hooks.onBlocked();
          return;
        }
        gaveUp = true;
        reject(dbBlockedError());
      },
      blocking(_currentVersion, _blockedVersion, event) {
        // Let the other tab upgrade: an open connection would block it indefinitely.
        (event.target as IDBDatabase).close();
        closeBecause('newer-version');
      },
      terminated() {
        closeBecause('terminated');
      },
    }).then(
      (db: IDBPDatabase<StudioSchema>) => {
        // The open went through after we reported it blocked: nobody holds this connection, so drop it.
        if (gaveUp) {
          db.close();
          return;
        }
        connection = new DbConnection(db);
        resolve(connection);
      },
      (e: unknown) => reject(openError(e)),
    );
  });
}
