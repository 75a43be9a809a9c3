import { openDB, type IDBPDatabase } from 'idb';
import type { StudioError } from '../../core/errors';
import { DbConnection } from './connection';
import { dbBlockedError, dbClosedError, openError } from './errors';
import { applyMigrations, type Migration } from './migrations';
import type { StudioSchema } from './schema';

export interface OpenHooks {
  /** Called when the connection is closed under us (newer version in another tab, or by the browser). */
  onClosed?: (error: StudioError) => void;
}

/**
 * Opens `name` at version `migrations.length`, running the missing migration steps. Rejects with
 * 'db-blocked' when another tab holds an older version open and does not let go.
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
